<#-- item: a ResolvedAlert. Plain markdown: the alert's text was resolved for this cluster and holds no Prometheus templating. -->
<#assign alert = item>
<!-- ${spec.header} -->
# ${alert.name}

${alert.summary}

| | |
|---|---|
| Severity | ${alert.severity} (Azure Monitor Sev${alert.azureSeverity}) |
| Fires after | ${alert.forDuration} |
<#if alert.operatorWide()>
| Operator | `${spec.postgres.operatorNamespace}`, for every cluster it manages |
<#else>
| Cluster | `${spec.postgres.namespace}/${spec.postgres.clusterName}` |
</#if>

## Meaning

${alert.runbookMeaning}
The alert fires when this query returns a result for ${alert.forDuration}:

```promql
${alert.expr}
```

## Impact

${alert.runbookImpact}
## Diagnosis

${alert.runbookDiagnosis}
## Mitigation

${alert.runbookMitigation}
