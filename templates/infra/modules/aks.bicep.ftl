<#import "../parameters.bicep.ftl" as p>
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
<@p.params ["location", "tags", "clusterName", "dnsPrefix"]/>
<#if aks.kubernetesVersion?has_content>
<@p.param "kubernetesVersion"/>
</#if>
<@p.params ["aksTier", "nodeResourceGroup", "controlPlaneIdentityId", "systemPoolZones", "systemPoolVmSize", "systemPoolMinCount", "systemPoolMaxCount", "postgresPoolVmSize", "postgresPoolMinCountPerZone", "postgresPoolMaxCountPerZone", "podCidr", "serviceCidr", "dnsServiceIp"]/>
<#if api.authorizedRanges>
<@p.param "apiServerAuthorizedIpRanges"/>
</#if>
<#if aks.entraId.enabled>
<@p.param "adminGroupObjectIds"/>
</#if>
<@p.params ["disableLocalAccounts", "upgradeChannel", "nodeOsUpgradeChannel"]/>
<#if anyWindow>
<@p.params ["maintenanceDay", "maintenanceStartTime", "maintenanceDurationHours"]/>
</#if>
<#if workspace>
<@p.param "logAnalyticsWorkspaceId"/>
</#if>
<#if aks.entraId.enabled && admins.principals?has_content>
<@p.param "adminPrincipals"/>
</#if>
<#if spec.scope.rendersDatabase()>
<@p.params ["workloadIdentityName", "federatedCredentialName", "federatedSubject"]/>
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
    tier: aksTier
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
