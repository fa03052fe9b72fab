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
  selector:
    matchLabels:
<#list item.matchLabels as label>
      ${label.key}: ${label.value}
</#list>
  podMetricsEndpoints:
    - port: ${item.port}
