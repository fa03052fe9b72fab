<#import "../common/labels.yaml.ftl" as l>
<#-- item: a ResolvedMonitoring.PodMonitor. Rendered instead of the Cluster's deprecated enablePodMonitor. -->
# ${spec.header?no_esc}
apiVersion: ${spec.monitoring.podMonitorApiVersion}
kind: PodMonitor
metadata:
  name: ${item.name}
  namespace: ${item.namespace}
  labels:
<@l.labels indent=4 component="monitoring"/>
spec:
<#if item.hasLabelLimits()>
  labelLimit: ${item.labelLimits.labels}
  labelNameLengthLimit: ${item.labelLimits.nameLength}
  labelValueLengthLimit: ${item.labelLimits.valueLength}
</#if>
  selector:
    matchLabels:
<#list item.matchLabels as label>
      ${label.key}: ${label.value}
</#list>
  podMetricsEndpoints:
    - port: ${item.port}
<#if item.honorLabels>
      # cert-manager labels each certificate metric with the Certificate's namespace; without honorLabels the
      # scrape's own namespace (cert-manager) would replace it and the alerts' namespace filter would match nothing.
      honorLabels: true
</#if>
<#if item.clusterLabel?has_content>
      # Alerts and the dashboard select on cnpg_cluster. The exporter's own `cluster` label (cnpg_collector_up,
      # cnpg_collector_postgres_version) holds the CNPG cluster name, which clashes with the `cluster` label Azure
      # managed Prometheus gives every series (the AKS cluster its rule groups filter on), so it is removed.
      relabelings:
        - sourceLabels: [${item.clusterLabel}]
          targetLabel: cnpg_cluster
      metricRelabelings:
        - sourceLabels: [cluster]
          regex: ${item.clusterName}
          targetLabel: cluster
          replacement: ""
        - action: labeldrop
          regex: exported_cluster
</#if>
