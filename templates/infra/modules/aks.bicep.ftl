<#assign aks = spec.aks>
<#assign upgrades = aks.upgrades>
<#assign anyWindow = upgrades.autoUpgradeWindow || upgrades.nodeOsUpgradeWindow>
// ${spec.header?no_esc}
// The AKS cluster: a system pool and a PostgreSQL pool spread over the zones, Azure CNI overlay with Cilium, Entra ID
// with Azure RBAC, OIDC issuer and workload identity, and the federated credential that lets the PostgreSQL
// service account act as the workload identity.

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

@description('Kubernetes version, major.minor or major.minor.patch.')
param kubernetesVersion string

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

@description('Availability zones of every node pool.')
@allowed([
  '1'
  '2'
  '3'
])
param zones array

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

@description('Name of the PostgreSQL node pool.')
@minLength(1)
@maxLength(12)
param postgresPoolName string

@description('VM size of the PostgreSQL pool; it sizes the PostgreSQL pods.')
param postgresPoolVmSize string

@description('Autoscaler lower bound of the PostgreSQL pool.')
@minValue(1)
@maxValue(1000)
param postgresPoolMinCount int

@description('Autoscaler upper bound of the PostgreSQL pool.')
@minValue(1)
@maxValue(1000)
param postgresPoolMaxCount int

@description('Overlay pod CIDR.')
param podCidr string

@description('Kubernetes service CIDR.')
param serviceCidr string

@description('Cluster DNS service IP, inside the service CIDR.')
param dnsServiceIp string
<#if aks.apiServerAuthorizedIpRanges?has_content>

@description('CIDR ranges allowed to reach the API server.')
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
<#if aks.containerInsights>

@description('Resource ID of the Log Analytics workspace Container Insights writes to.')
param logAnalyticsWorkspaceId string
</#if>

@description('Name of the PostgreSQL workload identity.')
param workloadIdentityName string

@description('Name of the federated credential on the workload identity.')
@minLength(3)
@maxLength(120)
param federatedCredentialName string

@description('Service account the credential trusts: system:serviceaccount:<namespace>:<CNPG cluster name>.')
param federatedSubject string

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
    kubernetesVersion: kubernetesVersion
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
    agentPoolProfiles: [
      // No CriticalAddonsOnly taint: the CNPG operator, cert-manager, the backup plugin and the poolers run here.
      {
        name: ${aks.systemPool.name}
        mode: 'System'
        type: 'VirtualMachineScaleSets'
        osType: 'Linux'
        vmSize: systemPoolVmSize
        availabilityZones: zones
        enableAutoScaling: true
        count: systemPoolMinCount
        minCount: systemPoolMinCount
        maxCount: systemPoolMaxCount
        maxPods: ${aks.systemPool.maxPods}
        tags: tags
      }
      {
        name: postgresPoolName
        mode: 'User'
        type: 'VirtualMachineScaleSets'
        osType: 'Linux'
        vmSize: postgresPoolVmSize
        availabilityZones: zones
        enableAutoScaling: true
        count: postgresPoolMinCount
        minCount: postgresPoolMinCount
        maxCount: postgresPoolMaxCount
        maxPods: ${aks.postgresPool.maxPods}
        nodeLabels: {
          ${aks.postgresPool.nodeLabelKey}: ${aks.postgresPool.nodeLabelValue}
        }
<#if aks.postgresPool.taint?has_content>
        nodeTaints: [
          ${aks.postgresPool.taint}
        ]
</#if>
        tags: tags
      }
    ]
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
<#if aks.apiServerAuthorizedIpRanges?has_content>
    apiServerAccessProfile: {
      authorizedIPRanges: apiServerAuthorizedIpRanges
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
<#if spec.monitoring.prometheus == "azure-managed">
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
</#if>
    autoUpgradeProfile: {
      upgradeChannel: upgradeChannel
      nodeOSUpgradeChannel: nodeOsUpgradeChannel
    }
  }
}
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
<#if upgrades.autoUpgradeWindow>
<@window symbol="autoUpgradeWindow" name="aksManagedAutoUpgradeSchedule"/>
</#if>
<#if upgrades.nodeOsUpgradeWindow>
<@window symbol="nodeOsUpgradeWindow" name="aksManagedNodeOSUpgradeSchedule"/>
</#if>
<#if aks.azureContainerStorage>

// Azure Container Storage (v2) provisions the PostgreSQL volumes on the nodes' local NVMe disks.
resource containerStorage 'Microsoft.KubernetesConfiguration/extensions@2025-03-01' = {
  name: 'acstor'
  scope: aks
  properties: {
    extensionType: 'microsoft.azurecontainerstoragev2'
    autoUpgradeMinorVersion: true
    releaseTrain: 'stable'
  }
}
</#if>

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

output clusterName string = aks.name
output clusterId string = aks.id
output oidcIssuerUrl string = aks.properties.oidcIssuerProfile!.issuerURL
