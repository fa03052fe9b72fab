<#assign L = spec.operations.layout>
<#assign T = sh.quote(L.treeDir)>
<#assign az = spec.azure>
<#assign aks = spec.aks>
<#assign p = spec.postgres>
<#assign m = spec.monitoring>
<#assign scope = spec.scope>
<!-- ${spec.header} -->
# Platform ${spec.name} (${spec.environment}): AKS cluster `${aks.clusterName}` for CloudNativePG databases

The AKS cluster `${aks.clusterName}` in resource group `${az.resourceGroup}` (${az.location}, zones ${az.zones?join(", ")}), the CloudNativePG operator ${p.operator.version} in `${p.operatorNamespace}`, <#if m.azureManagedPrometheus()>Azure managed Prometheus (workspace `${az.monitorWorkspaceName}`)<#else>PodMonitors and PrometheusRules for the Prometheus Operator</#if><#if m.azureManagedGrafana()> and Managed Grafana `${az.grafanaName}`</#if>, shared by the databases listed below.
Rendered by pgaks ${spec.pgaksVersion} from `${spec.specFile}`. Change the spec and render again; do not edit these files by hand.

This tree holds what is cluster-wide, so that no database's tree owns it: the AKS cluster and its node pools, the
logs and monitor workspaces, Grafana, the control plane identity, the operator's Helm values, its PodMonitors and
alert group, <#if m.azureManagedPrometheus()>the managed Prometheus settings, </#if>the StorageClasses<#if scope.sharedNamespaces?has_content> and the shared namespaces</#if>.
Each database renders its own tree beside this one, deployed after it.

## Databases on this platform

<#if scope.databases?has_content>
| database | namespace | storage type | tree |
|---|---|---|---|
<#list scope.databases as d>
| `${d.name}` | `${d.namespace}` | `${d.storageType}` | `${L.outputDir}/${d.treeDir}/` |
</#list>
<#else>
No Database spec of the render that produced this tree names this platform.
</#if>

Listed are the databases rendered in the same call as this platform (`pgaks render DIR` renders a whole repository).

## Storage classes and namespaces

<#list scope.storageClasses as c>
- `${c.storageClass.name}` for `postgres.storage.type: ${c.type}` (${c.storageClass.provisioner}, reclaim policy ${c.storageClass.reclaimPolicy})
</#list>
<#if scope.sharedNamespaces?has_content>
- Shared namespaces, rendered here and never by a database: <#list scope.sharedNamespaces as n>`${n}`<#sep>, </#list>.
</#if>

A database in none of the shared namespaces gets its own, named after it, rendered in its tree.

## Apply order

Every command runs from the directory that holds `${L.specFile}` (rendered with `pgaks render<#list spec.scope.renderedWith(L.specFile) as f> ${sh.quote(f)}</#list> -o ${sh.quote(L.outputDir)}`:
the platform with its databases, so that this README lists them).

1. Azure infrastructure:

   ```bash
   az group create --name ${sh.quote(az.resourceGroup)} --location ${sh.quote(az.location)}
   az deployment group create \
     --resource-group ${sh.quote(az.resourceGroup)} \
     --name ${sh.quote(az.deploymentName)} \
     --template-file ${T}/infra/main.bicep \
     --parameters ${T}/infra/main.bicepparam
   az aks get-credentials --resource-group ${sh.quote(az.resourceGroup)} --name ${sh.quote(aks.clusterName)}
<#if aks.entraId.enabled>
   kubelogin convert-kubeconfig -l azurecli
</#if>
   ```

2. Helm charts, in this order:

   ```bash
<#list p.operator.repositories() as r>
   helm repo add ${r.repoName} ${r.repoUrl}
</#list>
   helm repo update
<#list p.operator.releases as r>
   helm upgrade --install ${r.release} ${r.repoName}/${r.chart} --version ${r.version} \
     --namespace ${r.namespace} --create-namespace -f ${T}/${r.valuesFile} --wait
</#list>
   ```

3. Kubernetes objects (StorageClasses<#if scope.sharedNamespaces?has_content>, shared namespaces</#if>) and monitoring:

   ```bash
   kubectl apply -k ${T}/k8s/
   kubectl apply -k ${T}/monitoring/
<#if m.azureManagedPrometheus()>
   if kubectl get configmap ama-metrics-settings-configmap --namespace kube-system >/dev/null 2>&1; then
     echo "kube-system/ama-metrics-settings-configmap exists: merge the kubestate line of ${T}/monitoring/manual/ama-metrics-settings-configmap.yaml into it" >&2
   else
     kubectl apply -f ${T}/monitoring/manual/ama-metrics-settings-configmap.yaml
   fi
</#if>
   ```

4. Each database, as its own README says.

## GitOps

Apply this tree and each database's tree as separate units: one Flux `Kustomization` (or Argo CD `Application`) for
`${L.treeDir}/k8s` and one for `${L.treeDir}/monitoring`, then one per database tree, depending on this one
(Flux `dependsOn`, Argo CD sync waves), since the databases need the operator, its CRDs and the StorageClasses.
Pruning one unit never deletes another's objects: nothing is rendered by two trees.
