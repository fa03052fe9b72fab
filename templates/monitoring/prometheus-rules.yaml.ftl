<#import "../common/labels.yaml.ftl" as l>
<#assign m = spec.monitoring>
<#macro rules group>
    - name: ${group.name}
      rules:
<#list group.alerts as alert>
        - alert: ${alert.name}
          expr: ${yaml.block(alert.expr, 12)}
          for: ${alert.forDuration}
          labels:
            severity: ${alert.severity}
<#list alert.labels as label>
            ${label.key}: ${label.value}
</#list>
          annotations:
            summary: ${alert.summary}
            description: ${yaml.block(alert.description, 14)}
            runbook_url: ${alert.runbookUrl}
</#list>
</#macro>
# ${spec.header?no_esc}
<#if spec.scope.rendersDatabase()>
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: ${m.ruleGroupName}
  namespace: ${spec.postgres.namespace}
  labels:
<@l.labels indent=4 component="monitoring"/>
spec:
  groups:
<#list m.clusterRuleGroups() as group>
<@rules group/>
</#list>
</#if>
<#if spec.scope.rendersPlatform() && m.operatorRuleGroup()??>
<#assign operator = m.operatorRuleGroup()>
<#if spec.scope.rendersDatabase()>
---
</#if>
# The operator's alerts, named after the operator: every cluster's render writes the same object, so they fire once.
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: ${operator.name}
  namespace: ${operator.namespace}
  labels:
<@l.labels indent=4 component="monitoring"/>
spec:
  groups:
<@rules operator/>
</#if>
