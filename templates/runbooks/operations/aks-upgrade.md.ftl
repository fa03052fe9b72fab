<#include "common/names.md.ftl">
<#assign a = spec.aks>
<#assign clusters = spec.scope.watchedClusters(p)>
<#assign nvme = clusters?filter(c -> c.localNvme)>
<!-- ${spec.header} -->
# AKS upgrade: `${a.clusterName}`

Automatic upgrades: channel `${a.upgrades.channel}`, node OS `${a.upgrades.nodeOsChannel}`, maintenance window
${a.upgrades.maintenanceDay} ${a.upgrades.maintenanceStartTime} UTC for ${a.upgrades.maintenanceDurationHours} h.
This runbook is the manual path, one step at a time, from the directory holding `${L.specFile}`.

<#if spec.scope.isPlatform()>
1. Check every PostgreSQL cluster on it is healthy and its backups are current:

   ```bash
   kubectl get clusters.postgresql.cnpg.io --all-namespaces
<#list clusters as c>
   kubectl cnpg status ${c.name} --namespace ${c.namespace}
</#list>
   ```

<#else>
1. Check the cluster is healthy and backups are current: `kubectl cnpg status ${p.clusterName} --namespace ${p.namespace}`.
</#if>
2. Pick the version: the lowest available upgrade (one minor at a time; set `VERSION` yourself for another one):

   ```bash
   az aks get-upgrades --resource-group ${aksRg} --name ${aksName} -o table
   VERSION=$(az aks get-upgrades --resource-group ${aksRg} --name ${aksName} \
     --query 'controlPlaneProfile.upgrades[].kubernetesVersion' -o tsv | sort -V | head -n 1)
   echo "upgrading to $VERSION"
   ```

3. Control plane first; workloads keep running:

   ```bash
   az aks upgrade --resource-group ${aksRg} --name ${aksName} \
     --control-plane-only --kubernetes-version "$VERSION" --yes
   ```

4. System pool (operator, plugin, cert-manager, CoreDNS):

   ```bash
   az aks nodepool upgrade --resource-group ${aksRg} --cluster-name ${aksName} \
     --name ${a.systemPool.name} --kubernetes-version "$VERSION" --yes
   ```

5. PostgreSQL pools <#list a.postgresZonePools as pool>`${pool.name}`<#sep>, </#sep></#list> (one per zone), one pool
   and one node at a time: AKS cordons and drains each node, and the PodDisruptionBudgets CNPG creates allow only
   one instance down at a time and protect the primary, so the primary moves by switchover when its node drains.
<#if nvme?has_content>

   Local NVMe: the volume dies with its node, and without the maintenance window the recreated pod waits Pending for
   a volume pinned to the deleted node while the next drain stalls. Open CNPG's node maintenance window first, so the
   operator rebuilds each drained instance on another node with a new volume, cloned from the primary (a full copy:
   expect each pool to take as long as one clone). Upgrade only with every instance streaming:

   ```bash
<#list nvme as c>
   kubectl patch cluster ${c.name} --namespace ${c.namespace} --type merge \
     -p '{"spec":{"nodeMaintenanceWindow":{"inProgress":true}}}'
</#list>
   ```

   Then each pool, waiting for its rebuilt instance to be ready before the next:

   ```bash
<#list a.postgresZonePools as pool>
   az aks nodepool upgrade --resource-group ${aksRg} --cluster-name ${aksName} \
     --name ${pool.name} --kubernetes-version "$VERSION" --max-surge 1 --yes
<#list nvme as c>
   kubectl wait cluster/${c.name} --namespace ${c.namespace} --for=condition=Ready --timeout=6h
</#list>
</#list>
   ```

   Close the window afterwards; while it is open self-healing and rolling updates are limited:

   ```bash
<#list nvme as c>
   kubectl patch cluster ${c.name} --namespace ${c.namespace} --type merge \
     -p '{"spec":{"nodeMaintenanceWindow":{"inProgress":false}}}'
</#list>
   ```

   An instance already stranded (Pending, `kubectl describe pod` names a volume node affinity conflict: its node was
   replaced while the window was closed) comes back only without its old volume. Destroy it, never the primary, and
   the operator creates a new instance cloned from the primary:

<#list nvme as c>
   ```bash
   kubectl get pods --namespace ${c.namespace} -l cnpg.io/cluster=${c.name} -o wide
   PRIMARY=$(kubectl get cluster ${c.name} --namespace ${c.namespace} -o jsonpath='{.status.currentPrimary}')
   INSTANCE=''  # the Pending instance, from the list above
   if [ -n "$INSTANCE" ] && [ "$INSTANCE" != "$PRIMARY" ]; then
     kubectl cnpg destroy ${c.name} "$INSTANCE" --namespace ${c.namespace}
   else
     echo "set INSTANCE to the stranded standby; $PRIMARY is the primary"
   fi
   ```
</#list>

<#else>

   ```bash
<#list a.postgresZonePools as pool>
   az aks nodepool upgrade --resource-group ${aksRg} --cluster-name ${aksName} \
     --name ${pool.name} --kubernetes-version "$VERSION" --max-surge 1 --yes
</#list>
   ```

</#if>
<#if spec.scope.isPlatform()>
6. Follow `kubectl cnpg status` of each cluster (step 1) until every instance is streaming again, with as many
   synchronous standbys as each cluster's spec asks for.
<#else>
6. Follow `kubectl cnpg status ${p.clusterName} --namespace ${p.namespace}` until every instance is streaming
   again<#if p.synchronous.enabled> and ${p.synchronous.number} standby(s) are synchronous</#if>.
</#if>
<#if a.kubernetesVersion?has_content>
   Then set `aks.kubernetesVersion` in the spec to the new version and render again, so the next Azure deployment
   does not try to downgrade.
</#if>
