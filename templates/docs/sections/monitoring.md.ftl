<#-- Section of README.md, owned by the monitoring family (render/Observability, render/Runbooks). -->
<#assign m = spec.monitoring>
<#assign p = spec.postgres>
<#assign L = spec.operations.layout>
<#assign T = sh.quote(L.treeDir)>
## Monitoring

<#if m.azureManagedPrometheus()>
Metrics are scraped by **Azure managed Prometheus** into Azure Monitor workspace `${spec.azure.monitorWorkspaceName}`; it reads PodMonitors of `${m.podMonitorApiVersion}` (not `monitoring.coreos.com`).
<#else>
Metrics are scraped by the **Prometheus Operator** (for example kube-prometheus-stack) through PodMonitors of `${m.podMonitorApiVersion}`.
</#if>

| File | What it is |
|---|---|
| `k8s/logical-replication-queries.yaml` | ConfigMap `${m.customQueries.configMapName}` with the `pg_stat_subscription` query of the CloudNativePG cluster chart and pgaks' queries for standbys in sync, replication slots and client connections, which the alerts read; the Cluster reads it (`spec.monitoring.customQueriesConfigMap`), so it is applied with `k8s/` in namespace `${p.namespace}` |
| `monitoring/podmonitor-${m.clusterPodMonitor.name}.yaml` | scrapes the instances (port `${m.clusterPodMonitor.port}`) in `${m.clusterPodMonitor.namespace}` |
| `monitoring/podmonitor-${m.operatorPodMonitor.name}.yaml` | scrapes the operator (port `${m.operatorPodMonitor.port}`) in `${m.operatorPodMonitor.namespace}` |
<#if m.hasCertManagerPodMonitor()>
| `monitoring/podmonitor-${m.certManagerPodMonitor.name}.yaml` | scrapes the cert-manager controller (port `${m.certManagerPodMonitor.port}`, `honorLabels: true` so that each certificate metric keeps its Certificate's namespace) in `${m.certManagerPodMonitor.namespace}`, for the certificate alerts |
</#if>
<#if m.azureManagedPrometheus()>
| `monitoring/manual/ama-metrics-settings-configmap.yaml` | the metrics add-on's settings in `kube-system`, applied by hand (below): keeps the minimal ingestion profile and adds the kube-state-metrics series the alerts read to its keep list |
</#if>
<#if m.azureManagedPrometheus()>
| `infra/modules/alerts.bicep` | Azure Prometheus rule groups <#list m.ruleGroups as g>`${g.name}` (${g.alerts?size})<#sep>, </#sep></#list>: ${m.alerts?size} alerts by theme (at most 20 per group, as Azure requires)<#if m.hasActionGroup()> and action group `${m.actionGroup.name}`</#if> |
<#else>
| `monitoring/prometheus-rules.yaml` | PrometheusRule `${m.ruleGroupName}` with the cluster's alerts<#if m.operatorRuleGroup()??> and PrometheusRule `${m.operatorRuleGroup().name}` in `${m.operatorRuleGroup().namespace}` with the operator's, the same for every cluster of the operator</#if>; ${m.alerts?size} alerts |
</#if>
| `${m.dashboard.file}` | Grafana dashboard "${m.dashboard.title}" (uid `${m.dashboard.uid}`) |
| `runbooks/` | one runbook per alert; each alert's `runbook_url` points at its file |

Apply after `k8s/`, once the PodMonitor CRD exists (<#if m.azureManagedPrometheus()>installed with managed Prometheus on the AKS cluster<#else>installed with the Prometheus Operator</#if>):

```sh
kubectl apply -k ${T}/monitoring/
```

The kustomization sets no namespace: the instance PodMonitor belongs in `${p.namespace}`, the operator's in `${p.operatorNamespace}`, and each object names its own.
<#if m.azureManagedPrometheus()>
`ama-metrics-settings-configmap` is one ConfigMap per AKS cluster, which the metrics add-on reads but never creates, so
it is not in the kustomization: apply it once, and only if the cluster has none of its own (otherwise add the file's
`kubestate` line to that ConfigMap's `default-targets-metrics-keep-list`):

```sh
if kubectl get configmap ama-metrics-settings-configmap --namespace kube-system >/dev/null 2>&1; then
  echo "kube-system/ama-metrics-settings-configmap exists: merge the kubestate line of ${T}/monitoring/manual/ama-metrics-settings-configmap.yaml into it" >&2
else
  kubectl apply -f ${T}/monitoring/manual/ama-metrics-settings-configmap.yaml
fi
```
</#if>
<#if !m.azureManagedPrometheus()>
kube-prometheus-stack only picks up PodMonitors and PrometheusRules carrying its Helm release label unless `prometheus.prometheusSpec.podMonitorSelectorNilUsesHelmValues` and `prometheus.prometheusSpec.ruleSelectorNilUsesHelmValues` are `false`.
</#if>

### kube-state-metrics

Some alerts read Kubernetes metrics: `CNPGClusterInstancesOnSameNode` (`kube_pod_info`), `CNPGOperatorDown` (`kube_deployment_status_replicas_available`), `CNPGClusterPVCNotBound` (`kube_persistentvolumeclaim_status_phase`), the disk alerts (`kubelet_volume_stats_*`), and the zone alerts `CNPGClusterZoneSpreadWarning` and `CNPGClusterAllInstancesInOneZone` with the dashboard's "Instances per zone" panel, which need the node zone as a label of `kube_node_labels`.
<#if m.azureManagedPrometheus()>
Managed Prometheus keeps only a fixed list of kube-state-metrics series by default (its minimal ingestion profile), which lacks `kube_persistentvolumeclaim_status_phase`; `monitoring/manual/ama-metrics-settings-configmap.yaml` keeps every one the alerts read: ${m.kubeStateKeepList?map(n -> "`" + n + "`")?join(", ")}.
</#if>
kube-state-metrics exports node labels only when allowed:
<#if m.azureManagedPrometheus()>
`infra/modules/aks.bicep` sets `azureMonitorProfile.metrics.kubeStateMetrics.metricLabelsAllowlist` to `nodes=[topology.kubernetes.io/zone]`.
For an AKS cluster that was not deployed from `infra/`, set it with the command below; it names the Azure Monitor
workspace `${spec.azure.monitorWorkspaceName}`, as without `--azure-monitor-workspace-resource-id` AKS creates a default workspace of its own
(`az monitor account` needs a current Azure CLI):

```sh
az aks update --name ${sh.quote(spec.aks.clusterName)} --resource-group ${sh.quote(spec.azure.resourceGroup)} \
  --enable-azure-monitor-metrics \
  --azure-monitor-workspace-resource-id "$(az monitor account show --name ${sh.quote(spec.azure.monitorWorkspaceName)} --resource-group ${sh.quote(spec.azure.resourceGroup)} --query id -o tsv)" \
  --ksm-metric-labels-allow-list "nodes=[topology.kubernetes.io/zone]"
```
<#else>
run it with `--metric-labels-allowlist=nodes=[topology.kubernetes.io/zone]` (kube-prometheus-stack: `kube-state-metrics.metricLabelsAllowlist: ["nodes=[topology.kubernetes.io/zone]"]`).
</#if>
Without the label the zone alerts stay silent.
The logical replication alerts need the custom queries above; without subscriptions they stay silent.

### Alerts

<#if m.azureManagedPrometheus()>
Azure evaluates the rule groups (deployed by `infra/modules/alerts.bicep` from `infra/main.bicep`) against the Azure Monitor workspace, for AKS cluster `${spec.aks.clusterName}`.
Fired alerts appear in Azure Monitor > Alerts with severity Sev0 for `critical` alerts that mean an outage, Sev1 for other `critical` alerts, Sev2 for `warning` and Sev3 for `info`. Every alert carries `namespace` and `cnpg_cluster` labels (operator alerts only `namespace`).
<#if m.hasActionGroup()>
Action group `${m.actionGroup.name}` (sender `${m.actionGroup.shortName}`) e-mails `${m.alertEmail}`.
<#else>
No action group is rendered because `monitoring.alertEmail` is empty: set it to be notified by e-mail.
</#if>
<#else>
Prometheus evaluates the PrometheusRules and sends fired alerts to its Alertmanager; route them on the `severity` label (`critical`, `warning`).
<#if m.alertEmail?has_content>
`monitoring.alertEmail` (`${m.alertEmail}`) is used only by the Azure action group: configure the e-mail receiver in Alertmanager.
</#if>
</#if>
<#if m.runbookBaseUrl?has_content>
Runbook links point at `${m.runbookBaseUrl}` followed by the alert's name and `.md`: publish the `runbooks/` folder there.
<#else>
Runbook links are relative (`runbooks/CNPGClusterOffline.md` and so on); set `monitoring.runbookBaseUrl` to where you publish the `runbooks/` folder to get clickable links.
</#if>

### Dashboard

`${m.dashboard.file}` is built for this cluster; it asks for a Prometheus data source (variable `datasource`) and keeps uid `${m.dashboard.uid}` across renders, so importing again replaces it.
<#if m.azureManagedGrafana()>
Import it into Azure Managed Grafana `${spec.azure.grafanaName}` (needs the `amg` Azure CLI extension and the Grafana Editor role):

```sh
az grafana dashboard import --name ${sh.quote(spec.azure.grafanaName)} --resource-group ${sh.quote(spec.azure.resourceGroup)} --definition ${T}/${m.dashboard.file} --overwrite true
```
<#elseif m.grafanaSidecar()>
`kubectl apply -k ${L.treeDir}/monitoring/` also creates ConfigMap `${m.dashboard.configMapName}` in `${p.namespace}` with label `grafana_dashboard: "1"`; the Grafana dashboard sidecar loads it if it watches that namespace (kube-prometheus-stack: `grafana.sidecar.dashboards.searchNamespace: ALL`).
<#else>
`monitoring.grafana` is `none`: import the file into your Grafana by hand if you want it.
</#if>

