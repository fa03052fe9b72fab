// Monitoring, alerting and add-on resource types pgaks may render, each in a passing shape.
param location string = resourceGroup().location
param clusterName string = 'pg-aks'
@description('Grafana admins')
param grafanaAdminIds array = []

resource aks 'Microsoft.ContainerService/managedClusters@2026-05-01' existing = {
  name: clusterName
}

resource amw 'Microsoft.Monitor/accounts@2025-10-03' = {
  name: 'pg-amw'
  location: location
  properties: {
    publicNetworkAccess: 'Enabled'
  }
}

resource law 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: 'pg-law'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
    features: { disableLocalAuth: true }
  }
}

resource dce 'Microsoft.Insights/dataCollectionEndpoints@2024-03-11' = {
  name: 'MSProm-${location}-${clusterName}'
  location: location
  kind: 'Linux'
  properties: {}
}

resource dcr 'Microsoft.Insights/dataCollectionRules@2024-03-11' = {
  name: 'MSProm-${location}-${clusterName}'
  location: location
  kind: 'Linux'
  properties: {
    dataCollectionEndpointId: dce.id
    dataSources: {
      prometheusForwarder: [
        {
          name: 'PrometheusDataSource'
          streams: [ 'Microsoft-PrometheusMetrics' ]
          labelIncludeFilter: {}
        }
      ]
    }
    destinations: {
      monitoringAccounts: [
        {
          accountResourceId: amw.id
          name: 'MonitoringAccount1'
        }
      ]
    }
    dataFlows: [
      {
        streams: [ 'Microsoft-PrometheusMetrics' ]
        destinations: [ 'MonitoringAccount1' ]
      }
    ]
  }
}

resource dcra 'Microsoft.Insights/dataCollectionRuleAssociations@2024-03-11' = {
  name: 'MSProm-${location}-${clusterName}'
  scope: aks
  properties: {
    dataCollectionRuleId: dcr.id
    description: 'Association of data collection rule.'
  }
}

resource rules 'Microsoft.AlertsManagement/prometheusRuleGroups@2023-03-01' = {
  name: 'pg-cnpg-alerts'
  location: location
  properties: {
    enabled: true
    clusterName: clusterName
    scopes: [ amw.id, aks.id ]
    interval: 'PT1M'
    rules: [
      {
        alert: 'CNPGClusterNotHealthy'
        expression: 'cnpg_collector_up == 0'
        for: 'PT5M'
        severity: 2
        labels: { team: 'db' }
        annotations: { summary: 'CNPG instance down' }
        resolveConfiguration: { autoResolved: true, timeToResolve: 'PT10M' }
      }
    ]
  }
}

resource grafana 'Microsoft.Dashboard/grafana@2025-08-01' = {
  name: 'pg-grafana'
  location: location
  sku: { name: 'Standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    zoneRedundancy: 'Enabled'
    grafanaIntegrations: {
      azureMonitorWorkspaceIntegrations: [ { azureMonitorWorkspaceResourceId: amw.id } ]
    }
  }
}

resource grafanaReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(amw.id, grafana.id, 'b0d8363b-8ddd-447d-831f-62ca05bff136')
  scope: amw
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b0d8363b-8ddd-447d-831f-62ca05bff136')
    principalId: grafana.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource grafanaAdmins 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for id in grafanaAdminIds: {
  name: guid(grafana.id, id, '22926164-76b3-42b3-bc55-97df8dab3e41')
  scope: grafana
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '22926164-76b3-42b3-bc55-97df8dab3e41')
    principalId: id
    principalType: 'Group'
  }
}]

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2026-05-01' = {
  parent: aks
  name: 'pgpool'
  properties: {
    count: 3
    vmSize: 'Standard_E4ds_v5'
    mode: 'User'
    availabilityZones: [ '1', '2', '3' ]
    nodeTaints: [ 'workload=postgres:NoSchedule' ]
  }
}

resource ext 'Microsoft.KubernetesConfiguration/extensions@2025-03-01' = {
  name: 'acstor'
  scope: aks
  properties: {
    extensionType: 'microsoft.azurecontainerstorage'
    autoUpgradeMinorVersion: true
  }
}

resource pip 'Microsoft.Network/publicIPAddresses@2025-09-01' = {
  name: 'pg-pip'
  location: location
  sku: { name: 'Standard', tier: 'Regional' }
  zones: [ '1', '2', '3' ]
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'pg-ag'
  location: 'global'
  properties: {
    groupShortName: 'pgag'
    enabled: true
    emailReceivers: [ { name: 'dba', emailAddress: 'dba@example.com', useCommonAlertSchema: true } ]
  }
}

output lawId string = law.id
output dcraId string = dcra.id
output rulesId string = rules.id
output poolId string = pool.id
output extId string = ext.id
output pipId string = pip.id
output agId string = ag.id
output admins array = [for (a, i) in grafanaAdminIds: grafanaAdmins[i].id]
