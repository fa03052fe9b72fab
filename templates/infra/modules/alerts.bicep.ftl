<#import "../parameters.bicep.ftl" as p>
<#assign m = spec.monitoring>
// ${spec.header?no_esc}
// Alert rules of the CloudNativePG cluster, evaluated by Azure managed Prometheus.
// Self-contained: existing resources come in as resource IDs, so main.bicep calls it as a module.
// Severity: critical alerts for outages = Sev0, other critical = Sev1, warning = Sev2, info = Sev3.
<@p.params ["location", "tags", "monitorWorkspaceId", "clusterId", "clusterName"]/>
<#if m.hasActionGroup()>
<@p.param "alertEmail"/>

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: ${m.actionGroup.name}
  location: 'global'
  tags: tags
  properties: {
    groupShortName: ${m.actionGroup.shortName}
    enabled: true
    emailReceivers: [
      {
        name: ${m.actionGroup.emailReceiverName}
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}
<#elseif spec.scope.isDatabase() && spec.scope.platform.hasExistingActionGroup()>
<@p.param "existingActionGroupId"/>
</#if>

<#-- One resource per theme: Azure takes at most 20 rules per rule group. -->
// Each group's clusterName is the AKS cluster's name: managed Prometheus labels the cluster's series with cluster=<name>.
<#list spec.scope.ruleGroups(m) as group>
resource ruleGroup${group?index} 'Microsoft.AlertsManagement/prometheusRuleGroups@2023-03-01' = {
  name: ${group.name}
  location: location
  tags: tags
  properties: {
<#if group.operatorScoped>
    description: 'CloudNativePG operator alerts rendered by pgaks, shared by every cluster of the operator; runbooks in runbooks/ of the rendered output.'
<#else>
    description: 'CloudNativePG cluster alerts rendered by pgaks; runbooks in runbooks/ of the rendered output.'
</#if>
    enabled: true
    clusterName: clusterName
    scopes: [
      monitorWorkspaceId
      clusterId
    ]
    interval: 'PT1M'
    rules: [
<#list group.alerts as alert>
      {
        alert: ${alert.name}
        enabled: true
        expression: ${alert.expr}
<#if alert.azureForDuration?has_content>
        for: ${alert.azureForDuration}
</#if>
        severity: ${alert.azureSeverity}
        labels: {
          severity: ${alert.severity}
<#list alert.labels as label>
          ${label.key?no_esc}: ${label.value}
</#list>
        }
        annotations: {
          summary: ${alert.summary}
          description: ${alert.description}
          runbook_url: ${alert.runbookUrl}
        }
        resolveConfiguration: {
          autoResolved: true
          timeToResolve: 'PT10M'
        }
<#if m.hasActionGroup()>
        actions: [
          {
            actionGroupId: actionGroup.id
          }
        ]
<#elseif spec.scope.isDatabase() && spec.scope.platform.hasExistingActionGroup()>
        actions: [
          {
            actionGroupId: existingActionGroupId
          }
        ]
</#if>
      }
</#list>
    ]
  }
}

</#list>
output ruleGroupIds array = [
<#list spec.scope.ruleGroups(m) as group>
  ruleGroup${group?index}.id
</#list>
]
<#if m.hasActionGroup()>
output actionGroupId string = actionGroup.id
</#if>
