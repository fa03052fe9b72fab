<#-- The Azure Blob destination and sidecar settings shared by the cluster's ObjectStore and the restore source's.
     No serverName: the plugin reads it from the Cluster's plugin parameters and externalClusters. -->
<#macro configuration>
<#assign b = spec.backup>
  configuration:
    destinationPath: ${b.destinationPath}
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
