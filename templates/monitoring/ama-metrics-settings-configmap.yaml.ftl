<#import "../common/labels.yaml.ftl" as l>
<#-- Azure managed Prometheus reads its settings from this one ConfigMap in kube-system (schema v1, which every
     add-on version reads). Sections left out keep their defaults; the minimal ingestion profile stays on, and the
     kubestate entry is added to its keep list, so only the series the alert rules read are kept on top of it. -->
# ${spec.header?no_esc}
# The metrics add-on's settings. It has one such ConfigMap per AKS cluster: if the cluster already has one, add the
# kubestate line below to its default-targets-metrics-keep-list instead of applying this file over it.
kind: ConfigMap
apiVersion: v1
metadata:
  name: ama-metrics-settings-configmap
  namespace: kube-system
  labels:
<@l.labels indent=4 component="monitoring"/>
data:
  schema-version: v1
  config-version: pgaks
  default-targets-metrics-keep-list: |-
    kubestate = "${spec.monitoring.kubeStateKeepRegex()?no_esc}"
    minimalingestionprofile = true
