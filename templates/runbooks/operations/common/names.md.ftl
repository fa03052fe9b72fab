<#-- Included by every operations runbook: the names its commands use, and snippets more than one runbook runs. -->
<#assign p = spec.postgres>
<#assign ns = p.namespace>
<#assign cluster = p.clusterName>
<#assign ops = spec.operations>
<#assign L = ops.layout>
<#assign T = sh.quote(L.treeDir)>
<#assign rg = sh.quote(spec.azure.resourceGroup)>
<#assign aksName = sh.quote(spec.aks.clusterName)>
<#assign operatorRelease = p.operator.operatorRelease()>
<#-- Called at the start of a line inside a code block indented by i: continues the block's indentation. -->
<#macro readPrimary i="">
PRIMARY=$(kubectl get cluster ${cluster} --namespace ${ns} -o jsonpath='{.status.currentPrimary}')
${i}echo "primary: $PRIMARY"
</#macro>
<#-- The PersistentVolumes a deleted cluster leaves behind, with their Azure disks (reclaim policy Retain). -->
<#macro retainedDisks name>
<#if p.storage.storageClass.retainDisks>
The volumes of `${name}` are Azure disks with reclaim policy Retain (as pgaks' storage classes for managed disks
set it): deleting the claims leaves each PersistentVolume `Released` and its disk billed. List them, check the list,
then delete both:

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
