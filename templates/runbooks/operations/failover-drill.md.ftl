<#assign p = spec.postgres>
<!-- ${spec.header} -->
# Failover drill: `${p.clusterName}`

Proves that losing the primary costs seconds, not data. Run it in a quiet period; clients reconnect through
`${p.readWriteService}`<#if p.pooler.enabled> (or the pooler `${p.pooler.name}`)</#if>.

1. Record the starting state: ${p.instances} instance(s), one primary and the rest standbys<#if p.synchronous.enabled>, ${p.synchronous.number} of them synchronous (`${p.synchronous.method}`, durability `${p.synchronous.dataDurability}`)</#if>.

   ```bash
   kubectl cnpg status ${p.clusterName} --namespace ${p.namespace}
   ```

2. Kill the primary abruptly (the guide's drill, with today's label and a cluster filter):

   ```bash
   PRIMARY=$(kubectl get pod --namespace ${p.namespace} --no-headers -o custom-columns=:metadata.name \
     -l cnpg.io/cluster=${p.clusterName},cnpg.io/instanceRole=primary)
   kubectl delete pod "$PRIMARY" --namespace ${p.namespace} --grace-period=1
   ```

3. Watch a standby take over and the old primary rejoin as a standby:

   ```bash
   kubectl cnpg status ${p.clusterName} --namespace ${p.namespace}
   ```

<#if p.synchronous.enabled>
   With `failoverQuorum: true`, CNPG promotes only a standby that the synchronous quorum proves has every
   committed transaction.
</#if>
4. Optional: switch back on purpose (a controlled switchover, no data loss):

   ```bash
   kubectl cnpg promote ${p.clusterName} ${p.clusterName}-1 --namespace ${p.namespace}
   ```

5. Zone drill (stronger): cordon and drain the primary's node; the PodDisruptionBudgets CNPG creates keep the
   other instances running while the primary moves.

   ```bash
   NODE=$(kubectl get pod "$PRIMARY" --namespace ${p.namespace} -o jsonpath='{.spec.nodeName}')
   kubectl cordon "$NODE" && kubectl drain "$NODE" --ignore-daemonsets --delete-emptydir-data
   kubectl uncordon "$NODE"
   ```

Record the time from step 2 to a new primary accepting writes (RTO) and compare with your target.
