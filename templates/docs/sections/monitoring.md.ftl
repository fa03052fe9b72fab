<#-- Section of README.md, owned by the monitoring family (render/Observability, render/Runbooks). -->
<#assign m = spec.monitoring>
<#assign p = spec.postgres>
## Monitoring

<#if m.azureManagedPrometheus()>
Metrics are scraped by **Azure managed Prometheus** into Azure Monitor workspace `${spec.azure.monitorWorkspaceName}`; it reads PodMonitors of `${m.podMonitorApiVersion}` (not `monitoring.coreos.com`).
<#else>
Metrics are scraped by the **Prometheus Operator** (for example kube-prometheus-stack) through PodMonitors of `${m.podMonitorApiVersion}`.
</#if>

| File | What it is |
|---|---|
| `k8s/logical-replication-queries.yaml` | ConfigMap `${m.customQueries.configMapName}` with the `pg_stat_subscription` query of the CloudNativePG cluster chart; the Cluster reads it (`spec.monitoring.customQueriesConfigMap`), so it is applied with `k8s/` in namespace `${p.namespace}` |
| `monitoring/podmonitor-${m.clusterPodMonitor.name}.yaml` | scrapes the instances (port `${m.clusterPodMonitor.port}`) in `${m.clusterPodMonitor.namespace}` |
| `monitoring/podmonitor-${m.operatorPodMonitor.name}.yaml` | scrapes the operator (port `${m.operatorPodMonitor.port}`) in `${m.operatorPodMonitor.namespace}` |
<#if m.azureManagedPrometheus()>
| `infra/modules/alerts.bicep` | Azure Prometheus rule group `${m.ruleGroupName}` with ${m.alerts?size} alerts<#if m.hasActionGroup()> and action group `${m.actionGroup.name}`</#if> |
<#else>
| `monitoring/prometheus-rules.yaml` | PrometheusRule `${m.ruleGroupName}` with ${m.alerts?size} alerts |
</#if>
| `${m.dashboard.file}` | Grafana dashboard "${m.dashboard.title}" (uid `${m.dashboard.uid}`) |
| `runbooks/` | one runbook per alert; each alert's `runbook_url` points at its file |

Apply after `k8s/`, once the PodMonitor CRD exists (<#if m.azureManagedPrometheus()>installed with managed Prometheus on the AKS cluster<#else>installed with the Prometheus Operator</#if>):

```sh
kubectl apply -k monitoring/
```

The kustomization sets no namespace: the instance PodMonitor belongs in `${p.namespace}`, the operator's in `${p.operatorNamespace}`, and each object names its own.
<#if !m.azureManagedPrometheus()>
kube-prometheus-stack only picks up PodMonitors and PrometheusRules carrying its Helm release label unless `prometheus.prometheusSpec.podMonitorSelectorNilUsesHelmValues` and `prometheus.prometheusSpec.ruleSelectorNilUsesHelmValues` are `false`.
</#if>

### kube-state-metrics

Some alerts read Kubernetes metrics: `CNPGClusterInstancesOnSameNode` (`kube_pod_info`), `CNPGOperatorDown` (`kube_deployment_status_replicas_available`), the disk alerts (`kubelet_volume_stats_*`), and the zone alerts `CNPGClusterZoneSpreadWarning` and `CNPGClusterAllInstancesInOneZone` with the dashboard's "Instances per zone" panel, which need the node zone as a label of `kube_node_labels`.
kube-state-metrics exports node labels only when allowed:
<#if m.azureManagedPrometheus()>
`infra/modules/aks.bicep` sets `azureMonitorProfile.metrics.kubeStateMetrics.metricLabelsAllowlist` to `nodes=[topology.kubernetes.io/zone]`.
For an AKS cluster that was not deployed from `infra/`, set it with

```sh
az aks update --name ${spec.aks.clusterName} --resource-group ${sh(spec.azure.resourceGroup)} --enable-azure-monitor-metrics --ksm-metric-labels-allow-list "nodes=[topology.kubernetes.io/zone]"
```
<#else>
run it with `--metric-labels-allowlist=nodes=[topology.kubernetes.io/zone]` (kube-prometheus-stack: `kube-state-metrics.metricLabelsAllowlist: ["nodes=[topology.kubernetes.io/zone]"]`).
</#if>
Without the label the zone alerts stay silent.
The logical replication alerts need the custom queries above; without subscriptions they stay silent.

### Alerts

<#if m.azureManagedPrometheus()>
Azure evaluates the rule group `${m.ruleGroupName}` (deployed by `infra/modules/alerts.bicep` from `infra/main.bicep`) against the Azure Monitor workspace, for AKS cluster `${spec.aks.clusterName}`.
Fired alerts appear in Azure Monitor > Alerts with severity Sev0 for `critical`, Sev2 for `warning` and Sev3 for `info`.
<#if m.hasActionGroup()>
Action group `${m.actionGroup.name}` (sender `${m.actionGroup.shortName}`) e-mails `${m.alertEmail}`.
<#else>
No action group is rendered because `monitoring.alertEmail` is empty: set it to be notified by e-mail.
</#if>
<#else>
Prometheus evaluates PrometheusRule `${m.ruleGroupName}` and sends fired alerts to its Alertmanager; route them on the `severity` label (`critical`, `warning`).
<#if m.alertEmail?has_content>
`monitoring.alertEmail` (`${m.alertEmail}`) is used only by the Azure action group: configure the e-mail receiver in Alertmanager.
</#if>
</#if>
<#if m.runbookBaseUrl?has_content>
Runbook links point at `${m.runbookBaseUrl}<alert>.md`: publish the `runbooks/` folder there.
<#else>
Runbook links are relative (`runbooks/<alert>.md`); set `monitoring.runbookBaseUrl` to where you publish the `runbooks/` folder to get clickable links.
</#if>

### Dashboard

`${m.dashboard.file}` is built for this cluster; it asks for a Prometheus data source (variable `datasource`) and keeps uid `${m.dashboard.uid}` across renders, so importing again replaces it.
<#if m.grafana == "azure-managed">
Import it into Azure Managed Grafana `${spec.azure.grafanaName}` (needs the `amg` Azure CLI extension and the Grafana Editor role):

```sh
az grafana dashboard import --name ${spec.azure.grafanaName} --resource-group ${sh(spec.azure.resourceGroup)} --definition ${m.dashboard.file} --overwrite true
```
<#elseif m.grafana == "sidecar-configmap">
`kubectl apply -k monitoring/` also creates ConfigMap `${m.dashboard.configMapName}` in `${p.namespace}` with label `grafana_dashboard: "1"`; the Grafana dashboard sidecar loads it if it watches that namespace (kube-prometheus-stack: `grafana.sidecar.dashboards.searchNamespace: ALL`).
<#else>
`monitoring.grafana` is `none`: import the file into your Grafana by hand if you want it.
</#if>

