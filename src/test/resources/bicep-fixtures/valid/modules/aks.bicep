param location string
param clusterName string
@allowed([
  'Free'
  'Standard'
])
param tier string
param tags object
param systemNodeCount int = 3
param enableAzureMonitor bool = true
param kubernetesVersion string = ''

resource aks 'Microsoft.ContainerService/managedClusters@2026-05-01' = {
  name: clusterName
  location: location
  tags: tags
  sku: {
    name: 'Base'
    tier: tier
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    kubernetesVersion: empty(kubernetesVersion) ? null : kubernetesVersion
    dnsPrefix: clusterName
    enableRBAC: true
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: systemNodeCount
        vmSize: 'Standard_D4ds_v5'
        osType: 'Linux'
        osSKU: 'AzureLinux'
        type: 'VirtualMachineScaleSets'
        availabilityZones: [ '1', '2', '3' ]
        upgradeSettings: { maxSurge: '33%' }
      }
      {
        name: 'postgres'
        mode: 'User'
        count: 3
        vmSize: 'Standard_E4ds_v5'
        availabilityZones: [
          '1'
          '2'
          '3'
        ]
        nodeLabels: {
          workload: 'postgres'
        }
        nodeTaints: [ 'workload=postgres:NoSchedule' ]
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
      networkDataplane: 'cilium'
      networkPolicy: 'cilium'
      loadBalancerSku: 'standard'
    }
    oidcIssuerProfile: {
      enabled: true
    }
    securityProfile: {
      workloadIdentity: {
        enabled: true
      }
    }
    azureMonitorProfile: enableAzureMonitor ? {
      metrics: {
        enabled: true
        kubeStateMetrics: {
          metricLabelsAllowlist: ''
          metricAnnotationsAllowList: ''
        }
      }
    } : null
  }
}

output oidcIssuerUrl string = aks.properties.oidcIssuerProfile!.issuerURL
output name string = aks.name
