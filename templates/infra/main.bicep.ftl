<#import "parameters.bicep.ftl" as p>
<#assign aks = spec.aks>
<#assign upgrades = aks.upgrades>
<#assign hasLogs = item.modules.logs>
<#assign hasStorage = item.modules.storage>
<#assign hasMonitoring = item.modules.monitoring>
<#assign prometheus = spec.monitoring.azureManagedPrometheus()>
<#assign grafana = spec.monitoring.azureManagedGrafana()>
<#assign api = aks.apiServer>
<#assign admins = spec.azure.admins>
// ${spec.header?no_esc}
// Every Azure resource of the deployment, into an existing resource group:
//   az deployment group create --resource-group <group> --template-file infra/main.bicep --parameters infra/main.bicepparam
// The values are in main.bicepparam; this file and the modules only wire them.
targetScope = 'resourceGroup'
<@p.params ["location", "tags", "systemPoolZones", "controlPlaneIdentityName"]/>
<#if spec.scope.rendersDatabase()>
<@p.params ["workloadIdentityName", "federatedCredentialName", "federatedSubject"]/>
</#if>
<@p.params ["clusterName", "dnsPrefix"]/>
<#if aks.kubernetesVersion?has_content>
<@p.param "kubernetesVersion"/>
</#if>
<@p.params ["aksTier", "nodeResourceGroup", "systemPoolVmSize", "systemPoolMinCount", "systemPoolMaxCount", "postgresPoolVmSize", "postgresPoolMinCountPerZone", "postgresPoolMaxCountPerZone", "podCidr", "serviceCidr", "dnsServiceIp"]/>
<#if api.authorizedRanges>
<@p.param "apiServerAuthorizedIpRanges"/>
</#if>
<#if aks.entraId.enabled>
<@p.param "adminGroupObjectIds"/>
</#if>
<@p.params ["disableLocalAccounts", "upgradeChannel", "nodeOsUpgradeChannel"]/>
<#if upgrades.windowDeclared>
<@p.params ["maintenanceDay", "maintenanceStartTime", "maintenanceDurationHours"]/>
</#if>
<#if hasLogs>
<@p.param "logAnalyticsWorkspaceName"/>
</#if>
<#if hasStorage>
<@p.params ["storageAccountName", "storageSku", "backupContainerName", "softDeleteDays"]/>
</#if>
<#if prometheus>
<@p.params ["monitorWorkspaceName", "dataCollectionEndpointName", "prometheusRuleName", "prometheusAssociationName"]/>
<#if spec.monitoring.hasActionGroup()>
<@p.param "alertEmail"/>
</#if>
</#if>
<#if aks.containerInsights>
<@p.param "containerInsightsRuleName"/>
</#if>
<#if grafana>
<@p.params ["grafanaName", "grafanaAdminPrincipalIds"]/>
</#if>
<#if admins.principals?has_content && (aks.entraId.enabled || grafana)>
<@p.param "adminPrincipals"/>
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
    aksTier: aksTier
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
    backupContainerName: backupContainerName
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
    clusterId: aks.outputs.clusterId
    clusterName: aks.outputs.clusterName
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
