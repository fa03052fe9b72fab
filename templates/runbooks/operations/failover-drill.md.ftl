<#include "common/names.md.ftl">
<!-- ${spec.header} -->
# Failover drill: `${cluster}`

Measures what losing the primary costs: the time until writes are accepted again (RTO) and whether any write the
database acknowledged is missing afterwards (RPO). Run it in a quiet period, from the directory holding
`${L.specFile}`, with clients connected through `${p.readWriteService}`<#if p.pooler.enabled> (or the pooler `${p.pooler.name}`)</#if>.
<#if ops.zeroDataLossFailover>

Replication is synchronous (`${p.synchronous.method.value()}`, ${p.synchronous.number} standby(s), `dataDurability: required`) with
`failoverQuorum: true`: CNPG promotes only a standby the quorum proves holds every acknowledged commit, so the
drill must find no acknowledged write missing. Any missing ID is a finding.
<#elseif p.synchronous.enabled>

Replication is synchronous (`${p.synchronous.method.value()}`, ${p.synchronous.number} standby(s)) with `dataDurability: ${p.synchronous.dataDurability.value()}`:
while no synchronous standby is available the primary commits alone, and a failover in that state can lose those
commits. The drill measures what was lost; it does not prove that nothing can be.
<#else>

Replication is asynchronous: a failover can lose the commits the new primary had not yet received. The drill
measures how many acknowledged writes were lost; it does not prove that none can be.
</#if>

## 1. Start a writer through the read-write service

The writer inserts one row every 200 ms through `${p.readWriteService}` as the application owner and logs the ID of each
insert the server acknowledged, with a timestamp:

```bash
kubectl apply -f - <<'EOF_POD'
apiVersion: v1
kind: Pod
metadata:
  name: ${ops.drillWriterName}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${ops.drillWriterName}
spec:
  restartPolicy: Never
  securityContext:
    runAsNonRoot: true
    runAsUser: 26
  containers:
    - name: writer
      image: ${p.image}
      env:
        - name: PGHOST
          value: ${p.readWriteService}
        - name: PGDATABASE
          value: ${p.bootstrap.database}
        - name: PGSSLMODE
          value: require
        - name: PGCONNECT_TIMEOUT
          value: "2"
        - name: PGUSER
          valueFrom:
            secretKeyRef:
              name: ${p.bootstrap.secretName}
              key: username
        - name: PGPASSWORD
          valueFrom:
            secretKeyRef:
              name: ${p.bootstrap.secretName}
              key: password
      command:
        - bash
        - -c
        - |
          psql -v ON_ERROR_STOP=1 -c 'CREATE TABLE IF NOT EXISTS ${ops.drillTable} (id bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())'
          i=$(psql -tA -c 'SELECT coalesce(max(id), 0) FROM ${ops.drillTable}')
          while true; do
            i=$((i + 1))
            if psql -qtA -c "INSERT INTO ${ops.drillTable} (id) VALUES ($i)" >/dev/null 2>&1; then
              echo "ack $i $(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
            else
              echo "fail $i $(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
            fi
            sleep 0.2
          done
EOF_POD
kubectl wait pod/${ops.drillWriterName} --namespace ${ns} --for=condition=Ready --timeout=2m
kubectl logs ${ops.drillWriterName} --namespace ${ns} --tail=3
```

## 2. Record the starting state

Read the primary before each step; it is not always instance 1:

```bash
kubectl cnpg status ${cluster} --namespace ${ns}
<@readPrimary/>
```

## 3. Kill the primary

A crashed PostgreSQL pod (the guide's drill); CNPG fails over to the most advanced standby:

```bash
<@readPrimary/>
date -u +%Y-%m-%dT%H:%M:%SZ | tee drill-start.txt
kubectl delete pod "$PRIMARY" --namespace ${ns} --grace-period=1
kubectl get cluster ${cluster} --namespace ${ns} --watch \
  -o custom-columns=PHASE:.status.phase,PRIMARY:.status.currentPrimary,TARGET:.status.targetPrimary
```

Stop the watch (Ctrl-C) once `PRIMARY` names another instance and the phase is `Cluster in healthy state` again.

## 4. Measure RTO and check the acknowledged writes

The Cluster status records when the operator chose the new primary and when it was promoted; the writer's log shows
the gap clients saw:

```bash
kubectl get cluster ${cluster} --namespace ${ns} \
  -o jsonpath='failing since: {.status.currentPrimaryFailingSinceTimestamp}{"\n"}target chosen: {.status.targetPrimaryTimestamp}{"\n"}promoted: {.status.currentPrimaryTimestamp}{"\n"}'
echo "killed at: $(cat drill-start.txt)"
kubectl logs ${ops.drillWriterName} --namespace ${ns} | awk '$1 == "fail" {print "first failure: " $3; exit}'
kubectl logs ${ops.drillWriterName} --namespace ${ns} | awk '$1 == "fail" {f = 1} f && $1 == "ack" {print "first write after: " $3; exit}'
```

RTO is the time from `killed at` (or the first failure) to the first write after. Then compare the acknowledged IDs
with what the new primary holds:

```bash
kubectl logs ${ops.drillWriterName} --namespace ${ns} | awk '$1 == "ack" {print $2}' | sort > drill-acked.txt
# No TTY (it would end every line in CR, so no ID would match) and no pager (it would wait for a key).
kubectl cnpg psql ${cluster} --namespace ${ns} --tty=false --stdin=false -- ${p.bootstrap.database} -tA -P pager=off -c 'SELECT id FROM ${ops.drillTable}' | sort > drill-stored.txt
echo "acknowledged: $(wc -l < drill-acked.txt), missing after failover: $(comm -23 drill-acked.txt drill-stored.txt | wc -l)"
comm -23 drill-acked.txt drill-stored.txt
```

<#if ops.zeroDataLossFailover>
Expect `missing after failover: 0`; anything else is data loss under a configuration that promises none: collect
diagnostics (`runbooks/operations/diagnostics.md`) and report it.
<#else>
The missing IDs are the acknowledged writes this failover lost; record the number with the RTO.
</#if>
Check that the old primary rejoined as a standby: `kubectl cnpg status ${cluster} --namespace ${ns}`.

Check that the cluster never had two primaries during the drill: no `CNPGClusterMultiplePrimaries` alert fired, and
this query, run over the drill's window in Prometheus or Grafana, returns 1 (a killed primary's stale series counted
next to the new primary's would show 2):

```promql
max_over_time((count(cnpg_pg_replication_in_recovery{namespace="${ns}", cnpg_cluster="${cluster}"} == 0))[30m:30s])
```

## 5. Node and zone loss

Deleting a pod leaves its node and disk in place. To lose the node as in an outage, stop its VM scale-set instance
abruptly; AKS nodes are instances of scale sets in node resource group `${spec.aks.nodeResourceGroup}`. Keep the writer
running, and read the primary again:

```bash
<@readPrimary/>
NODE=$(kubectl get pod "$PRIMARY" --namespace ${ns} -o jsonpath='{.spec.nodeName}')
PROVIDER_ID=$(kubectl get node "$NODE" -o jsonpath='{.spec.providerID}')
VMSS=$(echo "$PROVIDER_ID" | sed -e 's|.*/virtualMachineScaleSets/||' -e 's|/virtualMachines/.*||')
INSTANCE_ID=${'$'}{PROVIDER_ID##*/}
echo "stopping $NODE: scale set $VMSS, instance $INSTANCE_ID"
date -u +%Y-%m-%dT%H:%M:%SZ | tee drill-start.txt
az vmss stop --resource-group ${sh.quote(spec.aks.nodeResourceGroup)} --name "$VMSS" --instance-ids "$INSTANCE_ID" --skip-shutdown
```

Measure as in step 4. Kubernetes marks the node `NotReady` after about 40 s, and the operator fails over once the
instance stops answering. Then start the instance again; its PostgreSQL rejoins as a standby:

```bash
az vmss start --resource-group ${sh.quote(spec.aks.nodeResourceGroup)} --name "$VMSS" --instance-ids "$INSTANCE_ID"
```

A whole zone: stop every instance of the PostgreSQL pool in the primary's zone (the pool spreads over zones
${spec.azure.zones?join(", ")}, one instance each):

```bash
ZONE=$(kubectl get node "$NODE" -o jsonpath='{.metadata.labels.topology\.kubernetes\.io/zone}')
ZONE_NUMBER=${'$'}{ZONE##*-}
IDS=$(az vmss list-instances --resource-group ${sh.quote(spec.aks.nodeResourceGroup)} --name "$VMSS" \
  --query "[?zones[0]=='$ZONE_NUMBER'].instanceId" -o tsv)
az vmss stop --resource-group ${sh.quote(spec.aks.nodeResourceGroup)} --name "$VMSS" --instance-ids $IDS --skip-shutdown
# ... measure, then:
az vmss start --resource-group ${sh.quote(spec.aks.nodeResourceGroup)} --name "$VMSS" --instance-ids $IDS
```

Draining a node (`kubectl drain`) is not this test: CNPG sees the eviction coming and does a planned switchover
(`runbooks/operations/switchover.md`), which measures the planned path only.

## 6. Clean up

```bash
kubectl delete pod ${ops.drillWriterName} --namespace ${ns} --ignore-not-found
kubectl cnpg psql ${cluster} --namespace ${ns} -- ${p.bootstrap.database} -c 'DROP TABLE IF EXISTS ${ops.drillTable}'
rm -f drill-start.txt drill-acked.txt drill-stored.txt
```

Record RTO, the missing-ID count and the instance that became primary, and compare with your targets.
