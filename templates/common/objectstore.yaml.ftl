<#-- The Azure Blob destination and sidecar settings shared by the cluster's ObjectStore and the restore source's. -->
<#macro configuration serverName>
<#assign b = spec.backup>
  configuration:
    destinationPath: ${b.destinationPath}
<#if serverName?has_content>
    serverName: ${serverName}
</#if>
    azureCredentials:
      inheritFromAzureAD: true
    wal:
      compression: ${b.compression}
    data:
      compression: ${b.compression}
  instanceSidecarConfiguration:
    resources:
      requests:
        cpu: ${b.sidecar.cpu}
        memory: ${b.sidecar.memory}
      limits:
        cpu: ${b.sidecar.cpu}
        memory: ${b.sidecar.memory}
</#macro>
