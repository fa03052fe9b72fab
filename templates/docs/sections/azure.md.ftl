<#-- Section of README.md; filled by the azure output family. -->
