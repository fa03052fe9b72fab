<#import "../parameters.bicep.ftl" as p>
// ${spec.header?no_esc}
// Two user-assigned identities, so that each holds only the rights it needs: the AKS control plane's, and the
// PostgreSQL workload's (backups to Blob Storage through workload identity).
<@p.params ["location", "tags", "controlPlaneIdentityName", "workloadIdentityName"]/>

resource controlPlane 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: controlPlaneIdentityName
  location: location
  tags: tags
}

resource workload 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: workloadIdentityName
  location: location
  tags: tags
}

output controlPlaneIdentityId string = controlPlane.id
output workloadIdentityName string = workload.name
output workloadPrincipalId string = workload.properties.principalId
output workloadClientId string = workload.properties.clientId
