<#assign az = spec.azure>
<#assign aks = spec.aks>
<#assign upgrades = aks.upgrades>
<#assign dc = az.dataCollection>
<#macro list values>
<#if values?has_content>
[
<#list values as value>
  ${value}
</#list>
]<#t>
<#else>
[]<#t>
</#if>
</#macro>
// ${spec.header?no_esc}
// The spec's values for main.bicep. Change pgaks.yaml and render again rather than editing this file.
using 'main.bicep'

param location = ${az.location}
param tags = {
<#list az.tags as tag>
  ${tag.key}: ${tag.value}
</#list>
}
param systemPoolZones = <@list aks.systemPool.zones/>

param controlPlaneIdentityName = ${az.controlPlaneIdentityName}
<#if spec.scope.rendersDatabase()>
param workloadIdentityName = ${az.workloadIdentityName}
param federatedCredentialName = ${az.federatedCredentialName}
param federatedSubject = ${az.federatedSubject}
</#if>

param clusterName = ${aks.clusterName}
param dnsPrefix = ${aks.dnsPrefix}
<#if aks.kubernetesVersion?has_content>
param kubernetesVersion = ${aks.kubernetesVersion}
</#if>
param aksTier = ${aks.tier}
param nodeResourceGroup = ${aks.nodeResourceGroup}
param systemPoolVmSize = ${aks.systemPool.vmSize}
param systemPoolMinCount = ${aks.systemPool.minCount}
param systemPoolMaxCount = ${aks.systemPool.maxCount}
param postgresPoolVmSize = ${aks.postgresPool.vmSize}
// aks.postgresPool.minCount ${aks.postgresPool.minCount} and maxCount ${aks.postgresPool.maxCount} over ${az.zones?size} zones, one pool each.
param postgresPoolMinCountPerZone = ${aks.postgresZonePools[0].minCount}
param postgresPoolMaxCountPerZone = ${aks.postgresZonePools[0].maxCount}
param podCidr = ${aks.network.podCidr}
param serviceCidr = ${aks.network.serviceCidr}
param dnsServiceIp = ${aks.network.dnsServiceIp}
<#if aks.apiServer.authorizedRanges>
param apiServerAuthorizedIpRanges = <@list aks.apiServer.authorizedIpRanges/>
</#if>
<#if aks.entraId.enabled>
param adminGroupObjectIds = <@list aks.entraId.adminGroupObjectIds/>
</#if>
param disableLocalAccounts = ${aks.entraId.disableLocalAccounts?c?no_esc}
param upgradeChannel = ${upgrades.channel}
param nodeOsUpgradeChannel = ${upgrades.nodeOsChannel}
<#if upgrades.windowDeclared>
param maintenanceDay = ${upgrades.maintenanceDay}
param maintenanceStartTime = ${upgrades.maintenanceStartTime}
param maintenanceDurationHours = ${upgrades.maintenanceDurationHours}
</#if>
<#if item.modules.logs>

param logAnalyticsWorkspaceName = ${az.logAnalyticsWorkspaceName}
</#if>
<#if item.modules.storage>

param storageAccountName = ${spec.backup.storageAccountName}
param storageSku = ${spec.backup.storageSku}
param backupContainerName = ${spec.backup.containerName}
param softDeleteDays = ${spec.backup.softDeleteDays}
</#if>
<#if spec.monitoring.azureManagedPrometheus()>

param monitorWorkspaceName = ${az.monitorWorkspaceName}
param dataCollectionEndpointName = ${dc.endpointName}
param prometheusRuleName = ${dc.prometheusRuleName}
param prometheusAssociationName = ${dc.prometheusAssociationName}
<#if spec.monitoring.hasActionGroup()>
param alertEmail = ${spec.monitoring.alertEmail}
</#if>
</#if>
<#if aks.containerInsights>
param containerInsightsRuleName = ${dc.containerInsightsRuleName}
</#if>
<#if spec.monitoring.azureManagedGrafana()>

param grafanaName = ${az.grafanaName}
param grafanaAdminPrincipalIds = <@list spec.monitoring.grafanaAdminPrincipalIds/>
</#if>
<#if az.admins.principals?has_content && (aks.entraId.enabled || spec.monitoring.azureManagedGrafana())>

param adminPrincipals = [
<#list az.admins.principals as admin>
  {
    objectId: ${admin.objectId}
    principalType: ${admin.principalType}
  }
</#list>
]
</#if>
