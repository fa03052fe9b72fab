<#-- Included by every operations runbook: the names its commands use, and snippets more than one runbook runs. -->
<#assign p = spec.postgres>
<#assign ns = p.namespace>
<#assign cluster = p.clusterName>
<#assign ops = spec.operations>
<#assign L = ops.layout>
<#assign T = sh.quote(L.treeDir)>
<#assign rg = sh.quote(spec.azure.resourceGroup)>
<#assign aksName = sh.quote(spec.aks.clusterName)>
<#assign aksRg = sh.quote(spec.scope.aksResourceGroup(spec.azure.resourceGroup))>
<#assign operatorRelease = p.operator.operatorRelease()>
<#-- Called at the start of a line inside a code block indented by i: continues the block's indentation. -->
<#macro readPrimary i="">
PRIMARY=$(kubectl get cluster ${cluster} --namespace ${ns} -o jsonpath='{.status.currentPrimary}')
${i}echo "primary: $PRIMARY"
</#macro>
<#-- The PersistentVolumes a deleted cluster leaves behind, with their Azure disks (reclaim policy Retain). -->
<#macro retainedDisks name>
<#if spec.scope.onExistingCluster() || p.storage.storageClass.retainDisks>
<#if spec.scope.onExistingCluster()>
The volumes of `${name}` use the cluster's own StorageClass `${p.storage.storageClassName}`, whose reclaim policy is
its owners' choice: check it with `kubectl get storageclass ${p.storage.storageClassName} -o jsonpath='{.reclaimPolicy}'`.
With `Delete` the disks go with the claims and nothing is left. With `Retain` each PersistentVolume stays `Released`
and its disk billed: list them, check the list, then delete both:
<#else>
The volumes of `${name}` are Azure disks with reclaim policy Retain (as pgaks' storage classes for managed disks
set it): deleting the claims leaves each PersistentVolume `Released` and its disk billed. List them, check the list,
then delete both:
</#if>

```bash
kubectl get pv -o jsonpath='{range .items[?(@.spec.claimRef.namespace=="${ns}")]}{.metadata.name}{"\t"}{.spec.claimRef.name}{"\t"}{.spec.csi.volumeHandle}{"\t"}{.status.phase}{"\n"}{end}' \
  | awk -F'\t' '$2 ~ /^${name}-[0-9]+(-wal)?$/' > ${name}-volumes.tsv
cat ${name}-volumes.tsv
while IFS=$'\t' read -r pv claim disk phase; do
  kubectl delete pv "$pv"
  az disk delete --ids "$disk" --yes
done < ${name}-volumes.tsv
```
<#else>
Local NVMe volumes (StorageClass `${p.storage.storageClassName}`, reclaim policy Delete) go with their claims: nothing is left on the nodes.
</#if>
</#macro>
<#-- The alerts of a cluster that is being recovered that fire on their own while it comes up, and why. -->
<#-- name: how the text calls the cluster; cluster: its name for commands, empty when not known yet. -->
<#macro restoreWindowAlerts name cluster="">
<#assign rendered = spec.monitoring.alerts?map(a -> a.name)>
While ${name} is being restored and its standbys clone, these of its alerts are expected and clear by themselves:

- `CNPGClusterOffline` (an outage severity): no instance reports metrics until the recovery job finishes and the first
  instance starts, so it fires if the rule groups exist before then.
<#if rendered?seq_contains("CNPGClusterHACritical")>
- `CNPGClusterHACritical`<#if rendered?seq_contains("CNPGClusterHAWarning")>, then `CNPGClusterHAWarning`</#if>: the
  standbys are cloned from the new primary after it is promoted.
</#if>
<#if rendered?seq_contains("CNPGClusterNoSynchronousStandby")>
- `CNPGClusterNoSynchronousStandby`: until a standby streams in sync<#if p.synchronous.durabilityRequired()>; commits of the new primary wait until then</#if>.
</#if>
<#if rendered?seq_contains("CNPGClusterNoBackupYet")>
- `CNPGClusterNoBackupYet` fires only when no base backup finished within the backup allowance after the cluster
  started: take the first one as soon as the cluster is Ready instead of waiting for the schedule<#if cluster?has_content>
  (`kubectl cnpg backup ${cluster} --namespace ${ns} --method plugin --plugin-name barman-cloud.cloudnative-pg.io`)<#else>
  (`kubectl cnpg backup` with `--method plugin`, as in `runbooks/CNPGClusterNoBackupYet.md`)</#if>.
  `CNPGClusterBackupTooOld` does not fire before the first backup.
</#if>

Any other alert of ${name} is not part of the restore: follow its runbook.
</#macro>
