<#import "../parameters.bicep.ftl" as p>
<#assign platform = spec.scope.platform>
<#assign hasStorage = item.modules.storage>
<#assign prometheus = spec.monitoring.azureManagedPrometheus() && spec.scope.rendersMonitoring()>
<#assign existingActionGroup = platform.hasExistingActionGroup() && !spec.monitoring.hasActionGroup()>
// ${spec.header?no_esc}
// The Azure resources of database ${spec.name} alone: its workload identity and the federated credential that trusts
// the AKS cluster's OIDC issuer, its backup storage account, and its alert rule groups. The AKS cluster and the Azure
// Monitor workspace are existing resources of ${platform.existing?then("the cluster's team", "platform " + platform.name)}, referred to and never deployed here, so this
// deploys into the platform's resource group or another one:
//   az deployment group create --resource-group <group> --template-file infra/main.bicep --parameters infra/main.bicepparam
targetScope = 'resourceGroup'
<@p.params ["location", "tags", "workloadIdentityName", "federatedCredentialName", "federatedSubject", "clusterName", "clusterResourceGroup"]/>
<#if hasStorage>
<@p.params ["storageAccountName", "storageSku", "backupContainerName", "softDeleteDays"]/>
</#if>
<#if prometheus>
<@p.params ["monitorWorkspaceName", "monitorWorkspaceResourceGroup"]/>
<#if spec.monitoring.hasActionGroup()>
<@p.param "alertEmail"/>
<#elseif existingActionGroup>
<@p.param "actionGroupName"/>
</#if>
</#if>

resource aks 'Microsoft.ContainerService/managedClusters@2026-05-01' existing = {
  name: clusterName
  scope: resourceGroup(clusterResourceGroup)
}

resource workload 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: workloadIdentityName
  location: location
  tags: tags
}

// The issuer is read from the cluster, so the credential trusts exactly the cluster the database runs on.
resource federatedCredential 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2024-11-30' = {
  parent: workload
  name: federatedCredentialName
  properties: {
    issuer: aks.properties.oidcIssuerProfile!.issuerURL
    subject: federatedSubject
    audiences: [
      'api://AzureADTokenExchange'
    ]
  }
}
<#if hasStorage>

module storage 'modules/storage.bicep' = {
  name: ${spec.azure.moduleDeployments.storage}
  params: {
    location: location
    tags: tags
    storageAccountName: storageAccountName
    storageSku: storageSku
    backupContainerName: backupContainerName
    softDeleteDays: softDeleteDays
    workloadPrincipalId: workload.properties.principalId
  }
}
</#if>
<#if prometheus>

resource monitorWorkspace 'Microsoft.Monitor/accounts@2025-10-03' existing = {
  name: monitorWorkspaceName
  scope: resourceGroup(monitorWorkspaceResourceGroup)
}
<#if existingActionGroup>

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' existing = {
  name: actionGroupName
  scope: resourceGroup(monitorWorkspaceResourceGroup)
}
</#if>

// Rule groups live in the workspace's region; they are named after the CNPG cluster, so the databases of one
// workspace do not replace each other's.
module alerts 'modules/alerts.bicep' = {
  name: ${spec.azure.moduleDeployments.alerts}
  params: {
    location: monitorWorkspace.location
    tags: tags
    monitorWorkspaceId: monitorWorkspace.id
    clusterId: aks.id
    clusterName: clusterName
<#if spec.monitoring.hasActionGroup()>
    alertEmail: alertEmail
<#elseif existingActionGroup>
    existingActionGroupId: actionGroup.id
</#if>
  }
}
</#if>

output clusterName string = clusterName
output oidcIssuerUrl string = aks.properties.oidcIssuerProfile!.issuerURL
// pgaks render --azure-outputs reads this one by name.
output workloadIdentityClientId string = workload.properties.clientId
<#if hasStorage>
output storageBlobEndpoint string = storage.outputs.blobEndpoint
</#if>
