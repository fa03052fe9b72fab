<#-- Section of README.md; filled by the monitoring output family. -->
