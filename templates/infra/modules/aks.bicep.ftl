<#assign aks = spec.aks>
<#assign upgrades = aks.upgrades>
<#assign anyWindow = upgrades.windowDeclared>
<#assign api = aks.apiServer>
<#assign admins = spec.azure.admins>
<#assign workspace = aks.containerInsights || aks.controlPlaneLogs.enabled>
// ${spec.header?no_esc}
// The AKS cluster: a system pool spread over the zones and one PostgreSQL pool per zone, Azure CNI overlay with
<#if spec.scope.rendersDatabase()>
// Cilium, Entra ID with Azure RBAC and its cluster admins, OIDC issuer and workload identity, control plane logs, and
// the federated credential that lets the PostgreSQL service account act as the workload identity.
<#else>
// Cilium, Entra ID with Azure RBAC and its cluster admins, OIDC issuer and workload identity, control plane logs; each
// database's tree brings the federated credential that lets its PostgreSQL service account act as its identity.
</#if>

@description('Azure region of the cluster.')
param location string

@description('Tags set on every taggable resource.')
param tags object

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

@description('Pricing tier; Standard carries the uptime SLA.')
@allowed([
  'Free'
  'Standard'
  'Premium'
])
param tier string

@description('Name of the resource group AKS creates for the nodes.')
@minLength(1)
@maxLength(80)
param nodeResourceGroup string

@description('Resource ID of the identity the control plane runs as.')
param controlPlaneIdentityId string

@description('Availability zones of the system pool.')
@allowed([
  '1'
  '2'
  '3'
])
param systemPoolZones array

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
<#if anyWindow>

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
<#if workspace>

@description('Resource ID of the Log Analytics workspace for container and control plane logs.')
param logAnalyticsWorkspaceId string
</#if>
<#if aks.entraId.enabled && admins.principals?has_content>

@description('Entra principals that get Azure Kubernetes Service RBAC Cluster Admin: objects with objectId and principalType.')
param adminPrincipals array
</#if>
<#if spec.scope.rendersDatabase()>

@description('Name of the PostgreSQL workload identity.')
param workloadIdentityName string

@description('Name of the federated credential on the workload identity.')
@minLength(3)
@maxLength(120)
param federatedCredentialName string

@description('Service account the credential trusts: system:serviceaccount:<namespace>:<CNPG cluster name>.')
param federatedSubject string
</#if>
<#if aks.entraId.enabled && (admins.principals?has_content || admins.deployer)>

// Azure Kubernetes Service RBAC Cluster Admin: with Azure RBAC and no local accounts, an Azure Owner has no
// Kubernetes rights; without this assignment nobody could run kubectl or helm.
var clusterAdminRoleId = ${spec.azure.roles.aksRbacClusterAdmin}
</#if>

resource aks 'Microsoft.ContainerService/managedClusters@2026-05-01' = {
  name: clusterName
  location: location
  tags: tags
  sku: {
    name: 'Base'
    tier: tier
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      <#noparse>'${controlPlaneIdentityId}'</#noparse>: {}
    }
  }
  properties: {
<#if aks.kubernetesVersion?has_content>
    kubernetesVersion: kubernetesVersion
</#if>
    dnsPrefix: dnsPrefix
    nodeResourceGroup: nodeResourceGroup
    enableRBAC: true
<#if aks.entraId.enabled>
    aadProfile: {
      managed: true
      enableAzureRBAC: true
      adminGroupObjectIDs: adminGroupObjectIds
    }
</#if>
    disableLocalAccounts: disableLocalAccounts
    // Only the system pool, which a cluster needs at creation: a managed cluster PUT may not add a pool to an existing
    // cluster, so the PostgreSQL pools are child resources below and a new zone's pool can be added on a redeploy.
    agentPoolProfiles: [
      // No CriticalAddonsOnly taint: the CNPG operator, cert-manager and the backup plugin run here (the poolers on the PostgreSQL pools).
      {
        name: ${aks.systemPool.name}
        mode: 'System'
        type: 'VirtualMachineScaleSets'
        osType: 'Linux'
        vmSize: systemPoolVmSize
        availabilityZones: systemPoolZones
        enableAutoScaling: true
        count: systemPoolMinCount
        minCount: systemPoolMinCount
        maxCount: systemPoolMaxCount
        maxPods: ${aks.systemPool.maxPods}
        upgradeSettings: {
          maxSurge: ${aks.systemPool.maxSurge}
          drainTimeoutInMinutes: ${aks.systemPool.drainTimeoutMinutes}
        }
        tags: tags
      }
    ]
    // The PostgreSQL pools differ only in their zone: balancing treats them as one group and grows them evenly.
    autoScalerProfile: {
      'balance-similar-node-groups': 'true'
    }
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
      networkDataplane: 'cilium'
      networkPolicy: 'cilium'
      podCidr: podCidr
      serviceCidr: serviceCidr
      dnsServiceIP: dnsServiceIp
      loadBalancerSku: 'standard'
      outboundType: 'loadBalancer'
    }
<#if api.authorizedRanges>
    apiServerAccessProfile: {
      authorizedIPRanges: apiServerAuthorizedIpRanges
    }
<#elseif api.privateCluster>
    // Private cluster: the API server has a private endpoint in the node network only.
    apiServerAccessProfile: {
      enablePrivateCluster: true
    }
<#else>
    // Public: no ranges, stated rather than omitted, so that ranges of an earlier deployment are removed.
    apiServerAccessProfile: {
      authorizedIPRanges: []
    }
</#if>
    oidcIssuerProfile: {
      enabled: true
    }
    securityProfile: {
      workloadIdentity: {
        enabled: true
      }
    }
<#if spec.monitoring.azureManagedPrometheus()>
    // Managed Prometheus; the data collection rule and its association are in the monitoring module.
    azureMonitorProfile: {
      metrics: {
        enabled: true
        // The zone-spread alerts group instances by node zone, which kube-state-metrics only exports when allowed.
        kubeStateMetrics: {
          metricLabelsAllowlist: 'nodes=[topology.kubernetes.io/zone]'
        }
      }
    }
<#else>
    // Off, stated rather than omitted, so that a cluster that had managed Prometheus stops sending to it.
    azureMonitorProfile: {
      metrics: {
        enabled: false
      }
    }
</#if>
<#if aks.containerInsights>
    addonProfiles: {
      // Container Insights: this API version has it as the omsagent add-on, not under azureMonitorProfile.
      omsagent: {
        enabled: true
        config: {
          logAnalyticsWorkspaceResourceID: logAnalyticsWorkspaceId
          useAADAuth: 'true'
        }
      }
    }
<#else>
    // Off, stated rather than omitted, so that a cluster that had Container Insights removes its agent.
    addonProfiles: {
      omsagent: {
        enabled: false
      }
    }
</#if>
    autoUpgradeProfile: {
      upgradeChannel: upgradeChannel
      nodeOSUpgradeChannel: nodeOsUpgradeChannel
    }
  }
}

// The PostgreSQL pools, one per zone, so that the autoscaler can grow the zone a pending instance needs.
var postgresZonePools = [
<#list aks.postgresZonePools as pool>
  {
    name: ${pool.name}
    zone: ${pool.zone}
  }
</#list>
]

// Child resources rather than agentPoolProfiles entries, so that a pool added to the spec (a new zone) is created on
// a redeploy. One at a time: AKS refuses an agent pool operation while another one runs on the same cluster.
@batchSize(1)
resource postgresPools 'Microsoft.ContainerService/managedClusters/agentPools@2026-05-01' = [for pool in postgresZonePools: {
  parent: aks
  name: pool.name
  properties: {
    mode: 'User'
    type: 'VirtualMachineScaleSets'
    osType: 'Linux'
    vmSize: postgresPoolVmSize
    availabilityZones: [
      pool.zone
    ]
    enableAutoScaling: true
    count: postgresPoolMinCountPerZone
    minCount: postgresPoolMinCountPerZone
    maxCount: postgresPoolMaxCountPerZone
    maxPods: ${aks.postgresPool.maxPods}
    nodeLabels: {
      ${aks.postgresPool.nodeLabelKey}: ${aks.postgresPool.nodeLabelValue}
    }
<#if aks.postgresPool.taint?has_content>
    nodeTaints: [
      ${aks.postgresPool.taint}
    ]
</#if>
    upgradeSettings: {
      maxSurge: ${aks.postgresPool.maxSurge}
      drainTimeoutInMinutes: ${aks.postgresPool.drainTimeoutMinutes}
    }
    tags: tags
  }
}]
<#-- AKS finds the window of each channel by its fixed configuration name. -->
<#macro window symbol name>

resource ${symbol?no_esc} 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations@2026-05-01' = {
  parent: aks
  name: ${name}
  properties: {
    maintenanceWindow: {
      schedule: {
        weekly: {
          intervalWeeks: 1
          dayOfWeek: maintenanceDay
        }
      }
      durationHours: maintenanceDurationHours
      startTime: maintenanceStartTime
      utcOffset: '+00:00'
    }
  }
}
</#macro>
<#if aks.entraId.enabled>
<#if admins.principals?has_content>

resource clusterAdmins 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for admin in adminPrincipals: {
  name: guid(aks.id, admin.objectId, clusterAdminRoleId)
  scope: aks
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', clusterAdminRoleId)
    principalId: admin.objectId
    principalType: admin.principalType
    description: 'pgaks: Kubernetes cluster admin from azure.adminPrincipals'
  }
}]
</#if>
<#if admins.deployer>

// Whoever deploys can run kubectl and helm next<#if admins.principals?has_content>; skipped when azure.adminPrincipals already lists them, as Azure
// refuses the same assignment twice</#if>. No principalType: the deployer may be a user or a service principal.
resource deployerClusterAdmin 'Microsoft.Authorization/roleAssignments@2022-04-01' = <#if admins.principals?has_content>if (!contains(map(adminPrincipals, admin => admin.objectId), toLower(deployer().objectId))) </#if>{
  name: guid(aks.id, toLower(deployer().objectId), clusterAdminRoleId)
  scope: aks
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', clusterAdminRoleId)
    principalId: deployer().objectId
    description: 'pgaks: Kubernetes cluster admin for the deploying principal (azure.deployerIsAdmin)'
  }
}
</#if>
</#if>
<#if aks.controlPlaneLogs.enabled>

// Control plane logs into the resource-specific tables AKSAuditAdmin and AKSControlPlane of the workspace.
resource controlPlaneLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: ${aks.controlPlaneLogs.diagnosticSettingName}
  scope: aks
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
<#list aks.controlPlaneLogs.categories as category>
      {
        category: ${category}
        enabled: true
      }
</#list>
    ]
  }
}
</#if>
<#if upgrades.autoUpgradeWindow>
<@window symbol="autoUpgradeWindow" name="aksManagedAutoUpgradeSchedule"/>
</#if>
<#if upgrades.nodeOsUpgradeWindow>
<@window symbol="nodeOsUpgradeWindow" name="aksManagedNodeOSUpgradeSchedule"/>
</#if>
<#if aks.azureContainerStorage>

// Azure Container Storage (v2) provisions the PostgreSQL volumes on the nodes' local NVMe disks. Installed after the
// pools: AKS refuses an agent pool operation while the extension is being installed.
resource containerStorage 'Microsoft.KubernetesConfiguration/extensions@2025-03-01' = {
  name: 'acstor'
  scope: aks
  dependsOn: [
    postgresPools
  ]
  properties: {
    extensionType: 'microsoft.azurecontainerstoragev2'
    autoUpgradeMinorVersion: true
    releaseTrain: 'stable'
  }
}
</#if>
<#if spec.scope.rendersDatabase()>

resource workloadIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: workloadIdentityName
}

// The issuer is read from the cluster, so the credential cannot be created before the cluster, nor point at another.
resource federatedCredential 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2024-11-30' = {
  parent: workloadIdentity
  name: federatedCredentialName
  properties: {
    issuer: aks.properties.oidcIssuerProfile!.issuerURL
    subject: federatedSubject
    audiences: [
      'api://AzureADTokenExchange'
    ]
  }
}
</#if>

output clusterName string = aks.name
output clusterId string = aks.id
output oidcIssuerUrl string = aks.properties.oidcIssuerProfile!.issuerURL
