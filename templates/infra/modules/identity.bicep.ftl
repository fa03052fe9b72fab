<#import "../parameters.bicep.ftl" as p>
// ${spec.header?no_esc}
<#if spec.scope.rendersDatabase()>
// Two user-assigned identities, so that each holds only the rights it needs: the AKS control plane's, and the
// PostgreSQL workload's (backups to Blob Storage through workload identity).
<#else>
// The AKS control plane's identity; each database's tree brings its own workload identity.
</#if>
<@p.params ["location", "tags", "controlPlaneIdentityName"]/>
<#if spec.scope.rendersDatabase()>
<@p.param "workloadIdentityName"/>
</#if>

resource controlPlane 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: controlPlaneIdentityName
  location: location
  tags: tags
}

<#if spec.scope.rendersDatabase()>
resource workload 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: workloadIdentityName
  location: location
  tags: tags
}

</#if>
output controlPlaneIdentityId string = controlPlane.id
<#if spec.scope.rendersDatabase()>
output workloadIdentityName string = workload.name
output workloadPrincipalId string = workload.properties.principalId
output workloadClientId string = workload.properties.clientId
</#if>
