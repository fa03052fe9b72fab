<#import "../parameters.bicep.ftl" as p>
<#assign prometheus = spec.monitoring.azureManagedPrometheus()>
<#assign grafana = spec.monitoring.azureManagedGrafana()>
<#assign insights = spec.aks.containerInsights>
<#assign dc = spec.azure.dataCollection>
<#assign admins = spec.azure.admins>
// ${spec.header?no_esc}
// Monitoring around the cluster: managed Prometheus (Azure Monitor workspace, data collection endpoint and rule,
// associated with the cluster, and its default recording rules), Container Insights' data collection rule, and Azure
// Managed Grafana with its admins.
// Deployed after the cluster, so that resources here can refer to it (associations, Prometheus rule groups).
<@p.params ["location", "tags"]/>
<#if prometheus || insights>
<@p.param "clusterName"/>
</#if>
<#if prometheus>
<@p.params ["monitorWorkspaceName", "dataCollectionEndpointName", "prometheusRuleName", "prometheusAssociationName"]/>
</#if>
<#if insights>
<@p.params ["logAnalyticsWorkspaceId", "containerInsightsRuleName"]/>
</#if>
<#if grafana>
<@p.params ["grafanaName", "grafanaAdminPrincipalIds"]/>
<#if admins.principals?has_content>
<@p.param "adminPrincipals"/>
</#if>

// Grafana Admin: manage the Grafana instance's dashboards, data sources and users.
var grafanaAdminRoleId = ${spec.azure.roles.grafanaAdmin}

// Monitoring Reader: read the Azure Monitor metrics and logs of the resources in a scope.
var monitoringReaderRoleId = ${spec.azure.roles.monitoringReader}
</#if>
<#if prometheus && grafana>

// Monitoring Data Reader: query the metrics in an Azure Monitor workspace.
var monitoringDataReaderRoleId = ${spec.azure.roles.monitoringDataReader}
</#if>
<#if prometheus || insights>

resource aks 'Microsoft.ContainerService/managedClusters@2026-05-01' existing = {
  name: clusterName
}
</#if>
<#if prometheus>

resource monitorWorkspace 'Microsoft.Monitor/accounts@2025-10-03' = {
  name: monitorWorkspaceName
  location: location
  tags: tags
}

resource dataCollectionEndpoint 'Microsoft.Insights/dataCollectionEndpoints@2024-03-11' = {
  name: dataCollectionEndpointName
  location: location
  tags: tags
  kind: 'Linux'
  properties: {}
}

resource prometheusRule 'Microsoft.Insights/dataCollectionRules@2024-03-11' = {
  name: prometheusRuleName
  location: location
  tags: tags
  kind: 'Linux'
  properties: {
    dataCollectionEndpointId: dataCollectionEndpoint.id
    dataSources: {
      prometheusForwarder: [
        {
          name: 'PrometheusDataSource'
          streams: [
            'Microsoft-PrometheusMetrics'
          ]
          labelIncludeFilter: {}
        }
      ]
    }
    destinations: {
      monitoringAccounts: [
        {
          name: 'MonitoringAccount'
          accountResourceId: monitorWorkspace.id
        }
      ]
    }
    dataFlows: [
      {
        streams: [
          'Microsoft-PrometheusMetrics'
        ]
        destinations: [
          'MonitoringAccount'
        ]
      }
    ]
  }
}

resource prometheusAssociation 'Microsoft.Insights/dataCollectionRuleAssociations@2024-03-11' = {
  name: prometheusAssociationName
  scope: aks
  properties: {
    dataCollectionRuleId: prometheusRule.id
    description: 'pgaks: managed Prometheus metrics of the cluster to the Azure Monitor workspace'
  }
}
</#if>
<#if insights>

// The omsagent add-on signs in with its managed identity (useAADAuth) and reads what to collect from this rule.
resource containerInsightsRule 'Microsoft.Insights/dataCollectionRules@2024-03-11' = {
  name: containerInsightsRuleName
  location: location
  tags: tags
  kind: 'Linux'
  properties: {
    dataSources: {
      extensions: [
        {
          name: 'ContainerInsightsExtension'
          extensionName: 'ContainerInsights'
          streams: [
            'Microsoft-ContainerInsights-Group-Default'
          ]
          extensionSettings: {
            dataCollectionSettings: {
              interval: '1m'
              namespaceFilteringMode: 'Off'
              enableContainerLogV2: true
            }
          }
        }
      ]
    }
    destinations: {
      logAnalytics: [
        {
          name: 'ContainerInsightsWorkspace'
          workspaceResourceId: logAnalyticsWorkspaceId
        }
      ]
    }
    dataFlows: [
      {
        streams: [
          'Microsoft-ContainerInsights-Group-Default'
        ]
        destinations: [
          'ContainerInsightsWorkspace'
        ]
      }
    ]
  }
}

resource containerInsightsAssociation 'Microsoft.Insights/dataCollectionRuleAssociations@2024-03-11' = {
  name: ${dc.containerInsightsAssociationName}
  scope: aks
  properties: {
    dataCollectionRuleId: containerInsightsRule.id
    description: 'pgaks: Container Insights logs of the cluster to the Log Analytics workspace'
  }
}
</#if>
<#if grafana>

resource grafana 'Microsoft.Dashboard/grafana@2025-08-01' = {
  name: grafanaName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    zoneRedundancy: 'Enabled'
    publicNetworkAccess: 'Enabled'
    apiKey: 'Disabled'
<#if prometheus>
    grafanaIntegrations: {
      azureMonitorWorkspaceIntegrations: [
        {
          azureMonitorWorkspaceResourceId: monitorWorkspace.id
        }
      ]
    }
</#if>
  }
}
<#if prometheus>

// Grafana queries the workspace as itself.
resource grafanaReadsMetrics 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(monitorWorkspace.id, grafana.id, monitoringDataReaderRoleId)
  scope: monitorWorkspace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringDataReaderRoleId)
    principalId: grafana.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'pgaks: Azure Managed Grafana reads the managed Prometheus metrics'
  }
}
</#if>

// What az grafana create grants, narrowed from the subscription to this resource group: the Azure Monitor data
// source reads the metrics and logs of the cluster, the workspace and the storage account as Grafana itself. A
// subscription-wide grant would need the deployer to hold User Access Administrator on the whole subscription.
resource grafanaReadsAzureMonitor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, grafana.id, monitoringReaderRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringReaderRoleId)
    principalId: grafana.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'pgaks: Azure Managed Grafana reads Azure Monitor data of the resource group'
  }
}
<#if admins.principals?has_content>

resource grafanaAdminPrincipals 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for admin in adminPrincipals: {
  name: guid(grafana.id, admin.objectId, grafanaAdminRoleId)
  scope: grafana
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', grafanaAdminRoleId)
    principalId: admin.objectId
    principalType: admin.principalType
    description: 'pgaks: Grafana Admin from azure.adminPrincipals'
  }
}]
</#if>

// No principalType: the IDs may be users or groups; Azure looks the type up.
resource grafanaAdmins 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principalId in grafanaAdminPrincipalIds: {
  name: guid(grafana.id, principalId, grafanaAdminRoleId)
  scope: grafana
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', grafanaAdminRoleId)
    principalId: principalId
    description: 'pgaks: Grafana Admin from monitoring.grafanaAdminPrincipalIds'
  }
}]
<#if admins.deployer>

// A template deployment, unlike az grafana create, makes nobody a Grafana Admin; this makes the deployer one, unless
// listed above (Azure refuses the same assignment twice).
resource grafanaDeployerAdmin 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!contains(concat(<#if admins.principals?has_content>map(adminPrincipals, admin => admin.objectId)<#else>[]</#if>, grafanaAdminPrincipalIds), toLower(deployer().objectId))) {
  name: guid(grafana.id, toLower(deployer().objectId), grafanaAdminRoleId)
  scope: grafana
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', grafanaAdminRoleId)
    principalId: deployer().objectId
    description: 'pgaks: Grafana Admin for the deploying principal (azure.deployerIsAdmin)'
  }
}
</#if>
</#if>
<#if prometheus>
<#list spec.azure.recordingGroups as group>

// Recording rules managed Prometheus gets from az aks update --enable-azure-monitor-metrics, under the same name;
// the built-in Grafana dashboards query them.
resource recordingRules${group?counter} 'Microsoft.AlertsManagement/prometheusRuleGroups@2023-03-01' = {
  name: ${group.name}
  location: location
  tags: tags
  properties: {
    description: ${group.description}
    enabled: true
    clusterName: clusterName
    scopes: [
      monitorWorkspace.id
      aks.id
    ]
    interval: 'PT1M'
    rules: [
<#list group.rules as rule>
      {
        record: ${rule.record}
        expression: ${rule.expression}
<#if rule.labels?has_content>
        labels: {
<#list rule.labels as label>
          ${label.key}: ${label.value}
</#list>
        }
</#if>
      }
</#list>
    ]
  }
}
</#list>
</#if>

<#if prometheus>
output monitorWorkspaceId string = monitorWorkspace.id
</#if>
<#if grafana>
output grafanaEndpoint string = grafana.properties.endpoint
</#if>
