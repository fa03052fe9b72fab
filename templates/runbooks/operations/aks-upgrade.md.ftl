<#assign p = spec.postgres>
<#assign a = spec.aks>
<!-- ${spec.header} -->
# AKS upgrade: `${a.clusterName}`

Automatic upgrades: channel `${a.upgrades.channel}`, node OS `${a.upgrades.nodeOsChannel}`, maintenance window
${a.upgrades.maintenanceDay} ${a.upgrades.maintenanceStartTime} UTC for ${a.upgrades.maintenanceDurationHours} h.
This runbook is the manual path, one step at a time.

1. Check the cluster is healthy and backups are current: `kubectl cnpg status ${p.clusterName} --namespace ${p.namespace}`.
2. Pick the version: `az aks get-upgrades --resource-group ${sh(spec.azure.resourceGroup)} --name ${a.clusterName} -o table`, and keep it in a shell variable for the commands below: `KUBERNETES_VERSION=1.x.y`.
3. Control plane first; workloads keep running:

   ```bash
   az aks upgrade --resource-group ${sh(spec.azure.resourceGroup)} --name ${a.clusterName} \
     --control-plane-only --kubernetes-version "$KUBERNETES_VERSION"
   ```

4. System pool (operator, plugin, cert-manager, CoreDNS):

   ```bash
   az aks nodepool upgrade --resource-group ${sh(spec.azure.resourceGroup)} --cluster-name ${a.clusterName} \
     --name ${a.systemPool.name} --kubernetes-version "$KUBERNETES_VERSION"
   ```

5. PostgreSQL pool `${a.postgresPool.name}`, one node at a time: AKS cordons and drains each node, and the
   PodDisruptionBudgets CNPG creates allow only one instance down at a time and protect the primary, so the
   primary moves by switchover when its node drains.

   ```bash
   az aks nodepool upgrade --resource-group ${sh(spec.azure.resourceGroup)} --cluster-name ${a.clusterName} \
     --name ${a.postgresPool.name} --kubernetes-version "$KUBERNETES_VERSION" --max-surge 1
   ```

<#if p.storage.type == "local-nvme">
   Local NVMe: a replaced node comes back with empty disks, so each instance is cloned again from the primary
   after its node is upgraded. Upgrade only with every instance streaming, and expect the pool upgrade to take as
   long as ${p.instances} full clones.

</#if>
6. Follow `kubectl cnpg status ${p.clusterName} --namespace ${p.namespace}` until every instance is streaming
   again<#if p.synchronous.enabled> and ${p.synchronous.number} standby(s) are synchronous</#if>.
   Then set `aks.kubernetesVersion` in the spec to the new version and render again, so the next Azure deployment
   does not try to downgrade.
