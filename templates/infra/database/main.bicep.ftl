<#assign platform = spec.scope.platform>
<#assign hasStorage = item.storage>
<#assign prometheus = spec.monitoring.azureManagedPrometheus() && spec.scope.rendersMonitoring()>
<#assign existingActionGroup = platform.hasExistingActionGroup() && !spec.monitoring.hasActionGroup()>
// ${spec.header?no_esc}
// The Azure resources of database ${spec.name} alone: its workload identity and the federated credential that trusts
// the AKS cluster's OIDC issuer, its backup storage account, and its alert rule groups. The AKS cluster and the Azure
// Monitor workspace are existing resources of ${platform.existing?then("the cluster's team", "platform " + platform.name)}, referred to and never deployed here, so this
// deploys into the platform's resource group or another one:
//   az deployment group create --resource-group <group> --template-file infra/main.bicep --parameters infra/main.bicepparam
targetScope = 'resourceGroup'

@description('Azure region of the identity and the storage account.')
param location string

@description('Tags set on every taggable resource.')
param tags object

@description('Name of the identity the PostgreSQL pods use through workload identity.')
@minLength(3)
@maxLength(128)
param workloadIdentityName string

@description('Name of the federated credential that trusts the CNPG cluster\'s service account.')
@minLength(3)
@maxLength(120)
param federatedCredentialName string

@description('Service account the credential trusts: system:serviceaccount:<namespace>:<CNPG cluster name>.')
param federatedSubject string

@description('The existing AKS cluster the database runs on.')
@minLength(1)
@maxLength(63)
param clusterName string

@description('Resource group of the existing AKS cluster.')
@minLength(1)
@maxLength(90)
param clusterResourceGroup string
<#if hasStorage>

@description('Storage account for backups: globally unique, 3-24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Storage account redundancy.')
@allowed([
  'Standard_ZRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
  'Standard_LRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSku string

@description('Blob container the backups go to.')
@minLength(3)
@maxLength(63)
param backupContainerName string

@description('Days a deleted blob or container stays recoverable.')
@minValue(1)
@maxValue(365)
param softDeleteDays int
</#if>
<#if prometheus>

@description('The existing Azure Monitor workspace that stores the cluster\'s Prometheus metrics.')
@minLength(2)
param monitorWorkspaceName string

@description('Resource group of the Azure Monitor workspace.')
@minLength(1)
@maxLength(90)
param monitorWorkspaceResourceGroup string
<#if spec.monitoring.hasActionGroup()>

@description('E-mail address the alert action group notifies.')
param alertEmail string
<#elseif existingActionGroup>

@description('The existing action group the alerts notify.')
param actionGroupName string
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
    containerName: backupContainerName
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
    aksClusterId: aks.id
    aksClusterName: clusterName
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
