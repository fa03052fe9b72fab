<#assign L = spec.operations.layout>
<#assign T = sh.quote(L.treeDir)>
<#assign az = spec.azure>
<#assign p = spec.postgres>
<#assign m = spec.monitoring>
<#assign platform = spec.scope.platform>
<!-- ${spec.header} -->
# ${spec.name} (${spec.environment}): PostgreSQL on AKS cluster `${platform.clusterName}`

A CloudNativePG cluster `${p.clusterName}` of ${p.instances} PostgreSQL ${p.version} instance(s) in namespace `${p.namespace}` of AKS cluster `${platform.clusterName}` (resource group `${platform.clusterResourceGroup}`)<#if platform.existing>, an existing cluster pgaks does not render<#else>, of platform `${platform.name}` (`${platform.file}`)</#if>.
Its own Azure resources go into resource group `${az.resourceGroup}`.
Rendered by pgaks ${spec.pgaksVersion} from `${spec.specFile}`. Change the spec and render again; do not edit these files by hand.

## Prerequisites

<#if platform.existing>
The cluster is the team's own; pgaks renders no AKS cluster, no Log Analytics or Azure Monitor workspace, no Grafana
and no Helm values for it. It must have:

- the OIDC issuer and workload identity enabled (`az aks update --enable-oidc-issuer --enable-workload-identity`);
- the CloudNativePG operator ${p.operator.version} (chart ${p.operator.chartVersion}) in namespace `${p.operatorNamespace}`, as Helm release `${p.operator.operatorRelease().release}` (Deployment `${p.operator.operatorRelease().deploymentName()}`, which the runbooks name);
<#if spec.backup.enabled || spec.restore.enabled>
- the Barman Cloud plugin (chart `plugin-barman-cloud` ${spec.backup.pluginChartVersion}) in the same namespace, and cert-manager (chart ${p.operator.certManagerChartVersion}), which the plugin needs;
</#if>
- the StorageClass `${p.storage.storageClassName}`, which the volumes use;
<#if m.azureManagedPrometheus() && spec.scope.rendersMonitoring()>
- Azure managed Prometheus sending to workspace `${platform.monitorWorkspaceName}` (resource group `${platform.monitorWorkspaceResourceGroup}`), where this tree's alert rule groups go<#if platform.hasExistingActionGroup()>, with the action group `${platform.actionGroupName}` in that resource group, which they notify</#if>;
- the metrics those alerts read beyond managed Prometheus's minimal ingestion profile: the node zone label
  (`az aks update --ksm-metric-labels-allow-list "nodes=[topology.kubernetes.io/zone]"`) and the kube-state-metrics
  series the zone, PVC and pod alerts use (`kube_node_labels`, `kube_pod_info`, `kube_persistentvolumeclaim_status_phase`,
  `kube_pod_container_status_waiting_reason`) in the `ama-metrics-settings-configmap` keep list: without them those
  alerts never fire;
- alerts on the operator, the plugin and cert-manager: they are the cluster's, not this tree's.
<#elseif spec.scope.rendersMonitoring()>
- the Prometheus Operator, which reads this tree's PodMonitor and PrometheusRule.
<#else>
- nothing scrapes it (`prometheus: none`): this tree renders no PodMonitor, alert or dashboard.
</#if>
<#else>
The platform's tree (`${L.outputDir}/${spec.environment}/${platform.name}/platform/`) is deployed first: the AKS
cluster, the operator, the Barman Cloud plugin, the StorageClass `${p.storage.storageClassName}`<#if !spec.scope.rendersOwnNamespace(p.namespace)>, the shared namespace `${p.namespace}`</#if>.
</#if>

## Apply order

Every command runs from the directory that holds `${L.specFile}` (rendered with `pgaks render ${sh.quote(L.specFile)} -o ${sh.quote(L.outputDir)}`).

1. Azure: the workload identity, its federated credential for the cluster's OIDC issuer<#if item.storage>, the backup storage account</#if><#if m.azureManagedPrometheus() && spec.scope.rendersMonitoring()>, the alert rule groups on the Azure Monitor workspace</#if>; then save the outputs and render again:

   ```bash
<#if spec.scope.ownsResourceGroup(az.resourceGroup)>
   az group create --name ${sh.quote(az.resourceGroup)} --location ${sh.quote(az.location)}
</#if>
   az deployment group create \
     --resource-group ${sh.quote(az.resourceGroup)} \
     --name ${sh.quote(az.deploymentName)} \
     --template-file ${T}/infra/main.bicep \
     --parameters ${T}/infra/main.bicepparam
   az deployment group show \
     --resource-group ${sh.quote(az.resourceGroup)} \
     --name ${sh.quote(az.deploymentName)} \
     --query properties.outputs > ${sh.quote(L.azureOutputsFile)}
   pgaks render ${sh.quote(L.specFile)} -o ${sh.quote(L.outputDir)}
   ```

<#if az.workloadIdentity.known>
   The tree carries the workload identity's client ID `${az.workloadIdentity.clientId}`.
<#else>
   Until rendered with the outputs, `${L.treeDir}/k8s/cluster.yaml` carries the placeholder client ID `${az.workloadIdentity.clientId}`: do not apply `k8s/` before rendering again.
</#if>

2. Kubernetes<#if spec.scope.rendersMonitoring()> and monitoring</#if>:

   ```bash
   az aks get-credentials --resource-group ${sh.quote(platform.clusterResourceGroup)} --name ${sh.quote(platform.clusterName)}
   kubectl apply -k ${T}/k8s/
<#if spec.scope.rendersMonitoring()>
   kubectl apply -k ${T}/monitoring/
</#if>
   ```

<#if spec.scope.rendersMonitoring() && platform.grafanaName?has_content>
3. The dashboard `${m.dashboard.file}` (uid `${m.dashboard.uid}`, so importing again replaces it), into the platform's Managed Grafana (needs the `amg` Azure CLI extension and the Grafana Editor role):

   ```bash
   az grafana dashboard import --name ${sh.quote(platform.grafanaName)} --resource-group ${sh.quote(platform.clusterResourceGroup)} --definition ${T}/${m.dashboard.file} --overwrite true
   ```

</#if>
## GitOps

This tree is one unit: one Flux `Kustomization` (or Argo CD `Application`) for `${L.treeDir}/k8s` and one for
`${L.treeDir}/monitoring`<#if !platform.existing>, depending on the platform's</#if>. It owns nothing another tree
renders<#if !spec.scope.rendersOwnNamespace(p.namespace)> (its namespace `${p.namespace}` is the platform's)</#if>, so pruning it removes only this database.

## Operations

One runbook per alert in `${L.treeDir}/runbooks/`, and procedures in `${L.treeDir}/runbooks/operations/`, each with
this database's names (upgrades of Kubernetes and of the operator are the platform's, for every database at once):

| runbook | when |
|---|---|
| `failover-drill.md` | measure RTO and lost writes when the primary, its node or its zone is lost |
| `switchover.md` | move the primary on purpose |
| `fencing.md` | stop PostgreSQL in one instance to examine it, or destroy and rebuild it |
| `forced-promotion.md` | no primary because the failover quorum blocks the promotion: the data-loss decision |
| `restore.md` | point-in-time recovery into a new cluster, moving clients, cleaning up the source |
| `test-restore.md` | the scheduled test that the backups restore |
| `cluster-loss.md` | the AKS cluster or the region is lost: rebuild and restore |
| `postgres-upgrade.md` | PostgreSQL minor and major upgrades |
| `resize-and-scale.md` | volumes, instances, CPU and memory through the spec |
| `rotate-credentials.md` | new passwords for the application owner and managed roles |
| `diagnostics.md` | what to collect before changing anything |
| `decommission.md` | removing the cluster and the disks and Azure resources it leaves |
