<#assign aks = spec.aks>
<#assign upgrades = aks.upgrades>
<#assign hasLogs = item.logs>
<#assign hasStorage = item.storage>
<#assign hasMonitoring = item.monitoring>
<#assign prometheus = spec.monitoring.azureManagedPrometheus()>
<#assign grafana = spec.monitoring.azureManagedGrafana()>
<#assign api = aks.apiServer>
<#assign admins = spec.azure.admins>
// ${spec.header?no_esc}
// Every Azure resource of the deployment, into an existing resource group:
//   az deployment group create --resource-group <group> --template-file infra/main.bicep --parameters infra/main.bicepparam
// The values are in main.bicepparam; this file and the modules only wire them.
targetScope = 'resourceGroup'

@description('Azure region of every resource; it must offer availability zones.')
param location string

@description('Tags set on every taggable resource.')
param tags object

@description('Availability zones of the system pool.')
@allowed([
  '1'
  '2'
  '3'
])
param systemPoolZones array

@description('Name of the identity the AKS control plane runs as.')
@minLength(3)
@maxLength(128)
param controlPlaneIdentityName string

<#if spec.scope.rendersDatabase()>
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

</#if>
@description('AKS cluster name.')
@minLength(1)
@maxLength(63)
param clusterName string

@description('DNS prefix of the API server address.')
@minLength(1)
@maxLength(54)
param dnsPrefix string
<#if aks.kubernetesVersion?has_content>

@description('Kubernetes version, major.minor or major.minor.patch; pinned only while no auto-upgrade channel is set.')
param kubernetesVersion string
</#if>

@description('AKS pricing tier; Standard carries the uptime SLA.')
@allowed([
  'Free'
  'Standard'
  'Premium'
])
param aksTier string

@description('Name of the resource group AKS creates for the nodes.')
@minLength(1)
@maxLength(80)
param nodeResourceGroup string

@description('VM size of the system pool.')
param systemPoolVmSize string

@description('Autoscaler lower bound of the system pool.')
@minValue(1)
@maxValue(1000)
param systemPoolMinCount int

@description('Autoscaler upper bound of the system pool.')
@minValue(1)
@maxValue(1000)
param systemPoolMaxCount int

@description('VM size of the PostgreSQL pools; it sizes the PostgreSQL pods.')
param postgresPoolVmSize string

@description('Autoscaler lower bound of each zone\'s PostgreSQL pool.')
@minValue(1)
@maxValue(1000)
param postgresPoolMinCountPerZone int

@description('Autoscaler upper bound of each zone\'s PostgreSQL pool.')
@minValue(1)
@maxValue(1000)
param postgresPoolMaxCountPerZone int

@description('Overlay pod CIDR.')
param podCidr string

@description('Kubernetes service CIDR.')
param serviceCidr string

@description('Cluster DNS service IP, inside the service CIDR.')
param dnsServiceIp string
<#if api.authorizedRanges>

@description('CIDR ranges allowed to reach the API server.')
@maxLength(200)
param apiServerAuthorizedIpRanges array
</#if>
<#if aks.entraId.enabled>

@description('Entra group object IDs that get cluster admin.')
param adminGroupObjectIds array
</#if>

@description('Disable local (certificate) accounts, so that every sign-in goes through Entra ID.')
param disableLocalAccounts bool

@description('Cluster auto-upgrade channel.')
@allowed([
  'none'
  'patch'
  'stable'
  'rapid'
  'node-image'
])
param upgradeChannel string

@description('Node OS upgrade channel.')
@allowed([
  'None'
  'Unmanaged'
  'SecurityPatch'
  'NodeImage'
])
param nodeOsUpgradeChannel string
<#if upgrades.windowDeclared>

@description('Day of the weekly maintenance window.')
@allowed([
  'Monday'
  'Tuesday'
  'Wednesday'
  'Thursday'
  'Friday'
  'Saturday'
  'Sunday'
])
param maintenanceDay string

@description('Start of the maintenance window, HH:MM in UTC.')
@minLength(5)
@maxLength(5)
param maintenanceStartTime string

@description('Length of the maintenance window in hours.')
@minValue(4)
@maxValue(24)
param maintenanceDurationHours int
</#if>
<#if hasLogs>

@description('Name of the Log Analytics workspace for container and control plane logs.')
@minLength(4)
@maxLength(63)
param logAnalyticsWorkspaceName string
</#if>
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

@description('Name of the Azure Monitor workspace that stores the Prometheus metrics.')
@minLength(2)
param monitorWorkspaceName string

@description('Name of the data collection endpoint the metrics agent sends to.')
@minLength(3)
@maxLength(44)
param dataCollectionEndpointName string

@description('Name of the data collection rule that forwards Prometheus metrics to the workspace.')
@minLength(1)
@maxLength(64)
param prometheusRuleName string

@description('Name of the association of the Prometheus data collection rule with the cluster.')
param prometheusAssociationName string
<#if spec.monitoring.hasActionGroup()>

@description('E-mail address the alert action group notifies.')
param alertEmail string
</#if>
</#if>
<#if aks.containerInsights>

@description('Name of the Container Insights data collection rule.')
@minLength(1)
@maxLength(64)
param containerInsightsRuleName string
</#if>
<#if grafana>

@description('Name of the Azure Managed Grafana workspace.')
@minLength(2)
@maxLength(23)
param grafanaName string

@description('Further Entra object IDs (users or groups) granted Grafana Admin.')
param grafanaAdminPrincipalIds array
</#if>
<#if admins.principals?has_content && (aks.entraId.enabled || grafana)>

@description('Entra principals that administer the cluster and Grafana: objects with objectId and principalType.')
param adminPrincipals array
</#if>

module identity 'modules/identity.bicep' = {
  name: ${spec.azure.moduleDeployments.identity}
  params: {
    location: location
    tags: tags
    controlPlaneIdentityName: controlPlaneIdentityName
<#if spec.scope.rendersDatabase()>
    workloadIdentityName: workloadIdentityName
</#if>
  }
}
<#if hasLogs>

module logs 'modules/logs.bicep' = {
  name: ${spec.azure.moduleDeployments.logs}
  params: {
    location: location
    tags: tags
    logAnalyticsWorkspaceName: logAnalyticsWorkspaceName
  }
}
</#if>

module aks 'modules/aks.bicep' = {
  name: ${spec.azure.moduleDeployments.aks}
  params: {
    location: location
    tags: tags
    clusterName: clusterName
    dnsPrefix: dnsPrefix
<#if aks.kubernetesVersion?has_content>
    kubernetesVersion: kubernetesVersion
</#if>
    tier: aksTier
    nodeResourceGroup: nodeResourceGroup
    controlPlaneIdentityId: identity.outputs.controlPlaneIdentityId
    systemPoolZones: systemPoolZones
    systemPoolVmSize: systemPoolVmSize
    systemPoolMinCount: systemPoolMinCount
    systemPoolMaxCount: systemPoolMaxCount
    postgresPoolVmSize: postgresPoolVmSize
    postgresPoolMinCountPerZone: postgresPoolMinCountPerZone
    postgresPoolMaxCountPerZone: postgresPoolMaxCountPerZone
    podCidr: podCidr
    serviceCidr: serviceCidr
    dnsServiceIp: dnsServiceIp
<#if api.authorizedRanges>
    apiServerAuthorizedIpRanges: apiServerAuthorizedIpRanges
</#if>
<#if aks.entraId.enabled>
    adminGroupObjectIds: adminGroupObjectIds
</#if>
<#if aks.entraId.enabled && admins.principals?has_content>
    adminPrincipals: adminPrincipals
</#if>
    disableLocalAccounts: disableLocalAccounts
    upgradeChannel: upgradeChannel
    nodeOsUpgradeChannel: nodeOsUpgradeChannel
<#if upgrades.windowDeclared>
    maintenanceDay: maintenanceDay
    maintenanceStartTime: maintenanceStartTime
    maintenanceDurationHours: maintenanceDurationHours
</#if>
<#if hasLogs>
    logAnalyticsWorkspaceId: logs.outputs.workspaceId
</#if>
<#if spec.scope.rendersDatabase()>
    workloadIdentityName: identity.outputs.workloadIdentityName
    federatedCredentialName: federatedCredentialName
    federatedSubject: federatedSubject
</#if>
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
    workloadPrincipalId: identity.outputs.workloadPrincipalId
  }
}
</#if>
<#if hasMonitoring>

module monitoring 'modules/monitoring.bicep' = {
  name: ${spec.azure.moduleDeployments.monitoring}
  params: {
    location: location
    tags: tags
<#if prometheus || aks.containerInsights>
    clusterName: aks.outputs.clusterName
</#if>
<#if prometheus>
    monitorWorkspaceName: monitorWorkspaceName
    dataCollectionEndpointName: dataCollectionEndpointName
    prometheusRuleName: prometheusRuleName
    prometheusAssociationName: prometheusAssociationName
</#if>
<#if aks.containerInsights>
    logAnalyticsWorkspaceId: logs.outputs.workspaceId
    containerInsightsRuleName: containerInsightsRuleName
</#if>
<#if grafana>
    grafanaName: grafanaName
    grafanaAdminPrincipalIds: grafanaAdminPrincipalIds
<#if admins.principals?has_content>
    adminPrincipals: adminPrincipals
</#if>
</#if>
  }
}
</#if>

<#if prometheus>

module alerts 'modules/alerts.bicep' = {
  name: ${spec.azure.moduleDeployments.alerts}
  params: {
    location: location
    tags: tags
    monitorWorkspaceId: monitoring.outputs.monitorWorkspaceId
    aksClusterId: aks.outputs.clusterId
    aksClusterName: aks.outputs.clusterName
<#if spec.monitoring.hasActionGroup()>
    alertEmail: alertEmail
</#if>
  }
}
</#if>

output clusterName string = aks.outputs.clusterName
output oidcIssuerUrl string = aks.outputs.oidcIssuerUrl
<#if spec.scope.rendersDatabase()>
// pgaks render --azure-outputs reads this one by name.
output workloadIdentityClientId string = identity.outputs.workloadClientId
</#if>
<#if hasStorage>
output storageBlobEndpoint string = storage.outputs.blobEndpoint
</#if>
<#if prometheus>
output monitorWorkspaceId string = monitoring.outputs.monitorWorkspaceId
</#if>
<#if grafana>
output grafanaEndpoint string = monitoring.outputs.grafanaEndpoint
</#if>
