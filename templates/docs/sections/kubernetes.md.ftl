<#-- Section of README.md; filled by the kubernetes output family. -->
