<#import "../common/labels.yaml.ftl" as l>
<#assign m = spec.monitoring>
# ${spec.header?no_esc}
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: ${m.ruleGroupName}
  namespace: ${spec.postgres.namespace}
  labels:
<@l.labels indent=4 component="monitoring"/>
spec:
  groups:
    - name: ${m.ruleGroupName}
      rules:
<#list m.alerts as alert>
        - alert: ${alert.name}
          expr: ${yaml.block(alert.expr, 12)}
          for: ${alert.forDuration}
          labels:
            severity: ${alert.severity}
          annotations:
            summary: ${alert.summary}
            description: ${yaml.block(alert.description, 14)}
            runbook_url: ${alert.runbookUrl}
</#list>
