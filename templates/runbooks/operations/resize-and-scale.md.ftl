<#include "common/names.md.ftl">
<#assign s = p.storage>
<!-- ${spec.header} -->
# Resizing volumes and scaling: `${cluster}`

Every change goes through `${L.specFile}`: change it, render, review, `kubectl apply -k ${L.treeDir}/k8s/`. Editing the
Cluster by hand is undone by the next apply. Run from the directory holding `${L.specFile}`.

```bash
pgaks render ${sh.quote(L.specFile)} -o ${sh.quote(L.outputDir)}
git diff -- ${T}/k8s/cluster.yaml
kubectl apply -k ${T}/k8s/
kubectl cnpg status ${cluster} --namespace ${ns}
```

## Volumes

<#if s.storageClass.allowVolumeExpansion>
Data volumes are ${s.size}<#if s.walEnabled>, WAL volumes ${s.walSize}</#if>, of StorageClass `${s.storageClassName}`, which allows expansion.
Raise `postgres.storage.size`<#if s.walEnabled> or `postgres.walStorage.size`</#if> and apply: CNPG resizes each claim and the Azure disk
grows online. Volumes only grow; to shrink, replace the instances one at a time (below) after lowering the size.
Check the result:

```bash
kubectl get pvc --namespace ${ns} -l cnpg.io/cluster=${cluster} -o custom-columns=NAME:.metadata.name,SIZE:.status.capacity.storage
```
<#else>
Local NVMe volumes (`${s.storageClassName}`) cannot be expanded: do not edit the claims. Their size is bounded by the
node's disks. To get more space, choose a VM size with larger local disks in `aks.postgresPool.vmSize`, deploy
`infra/`, and move the instances to the new nodes one at a time, standbys first (below); each is cloned again from
the primary.
</#if>

## Instances

`postgres.instances` is ${p.instances}<#if p.synchronous.enabled> (more than the ${p.synchronous.number} synchronous standby(s) need)</#if>. Raising it adds
standbys cloned from the primary; lowering it removes the highest-numbered standbys. Keep one instance per zone
(zones ${spec.azure.zones?join(", ")}) and at most one per node: the PostgreSQL pool (`aks.postgresPool.maxCount`, now
${spec.aks.postgresPool.maxCount}) must have a node for each instance.

## CPU and memory

`postgres.resources` (now ${p.resources.cpu} CPU, ${p.resources.memory}, sized from ${p.resources.sizedFrom}) also sizes the memory
parameters. A change restarts the instances one at a time, the primary last by switchover.

## Replacing one instance

To rebuild an instance on new storage or a new node, destroy it with its volumes and let CNPG clone a new one. Never
the primary: switch over first (`runbooks/operations/switchover.md`).

```bash
<@readPrimary/>
INSTANCE=$(kubectl get pods --namespace ${ns} -l cnpg.io/cluster=${cluster},cnpg.io/instanceRole=replica -o jsonpath='{.items[0].metadata.name}')
echo "replacing $INSTANCE (primary is $PRIMARY)"
kubectl cnpg destroy ${cluster} "$INSTANCE" --namespace ${ns}
kubectl cnpg status ${cluster} --namespace ${ns}
```
<#if spec.scope.onExistingCluster()>

`kubectl cnpg destroy` deletes the claims<#if s.walEnabled> (data and `-wal`)</#if>; whether their disks stay is the reclaim policy of the
cluster's StorageClass `${s.storageClassName}`: check it, and clean them up as in `runbooks/operations/decommission.md`.
<#elseif s.storageClass.retainDisks>

`kubectl cnpg destroy` deletes the claims<#if s.walEnabled> (data and `-wal`)</#if>; with reclaim policy Retain their disks stay:
clean them up as in `runbooks/operations/decommission.md`.
</#if>
