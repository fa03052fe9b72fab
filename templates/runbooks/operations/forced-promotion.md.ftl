<#include "common/names.md.ftl">
<!-- ${spec.header} -->
# Forcing a promotion: `${cluster}`

<#if p.synchronous.enabled>
With `failoverQuorum: true`, the operator promotes a standby only when the quorum check proves that one of the
promotable standbys holds every commit acknowledged to a client (R + W > N, `docs/failover.md` of CNPG). When too
many instances are lost at once (the primary and a synchronous standby, or a zone plus a node) the check fails and
the operator waits: no primary, no writes, until an instance comes back.

This runbook is the way out when waiting is worse than losing data. Run from the directory holding `${L.specFile}`.

## Confirm that the quorum is what blocks

```bash
kubectl cnpg status ${cluster} --namespace ${ns}
kubectl get cluster ${cluster} --namespace ${ns} -o jsonpath='{.status.phase}{": "}{.status.phaseReason}{"\n"}'
kubectl get failoverquorum ${cluster} --namespace ${ns} -o yaml
kubectl logs deployment/${operatorRelease.deploymentName()} --namespace ${p.operatorNamespace} --since=30m | grep -i quorum
```

## Decide: wait or lose data

- **Wait** if the lost primary or synchronous standby can come back (a node restarting, a zone recovering): the
  operator then promotes safely by itself, losing nothing.
- **Force** only if it cannot come back in time. The promoted standby may lack transactions that were acknowledged
  to clients: those are **lost**, and clients that saw them succeed will not find them. Write down who decided,
  when, and the LSN of the instance promoted, for the incident report.

## Pick the most advanced standby

```bash
for pod in $(kubectl get pods --namespace ${ns} -l cnpg.io/cluster=${cluster},cnpg.io/instanceRole=replica -o jsonpath='{.items[*].metadata.name}'); do
  echo "$pod $(kubectl exec "$pod" --namespace ${ns} -c postgres -- psql -tAc 'SELECT pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()')"
done
```

Promote the one with the highest LSN (the last field; compare `pg_lsn` values as hexadecimal `X/Y`).
<#else>
Replication is asynchronous: the operator fails over by itself to the most advanced standby, and no quorum check
holds it back. Force a promotion only when the operator does not act (for example while it is down itself).
Any commit the promoted standby had not received is lost. Run from the directory holding `${L.specFile}`.

## Confirm

```bash
kubectl cnpg status ${cluster} --namespace ${ns}
kubectl get cluster ${cluster} --namespace ${ns} -o jsonpath='{.status.phase}{": "}{.status.phaseReason}{"\n"}'
kubectl rollout status deployment/${operatorRelease.deploymentName()} --namespace ${p.operatorNamespace} --timeout=30s
```

## Pick the most advanced standby

```bash
for pod in $(kubectl get pods --namespace ${ns} -l cnpg.io/cluster=${cluster},cnpg.io/instanceRole=replica -o jsonpath='{.items[*].metadata.name}'); do
  echo "$pod $(kubectl exec "$pod" --namespace ${ns} -c postgres -- psql -tAc 'SELECT pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()')"
done
```
</#if>

## Promote it

```bash
TARGET=$(kubectl get pods --namespace ${ns} -l cnpg.io/cluster=${cluster},cnpg.io/instanceRole=replica -o jsonpath='{.items[0].metadata.name}')
# Set TARGET to the pod chosen above if it is not this one.
kubectl cnpg promote ${cluster} "$TARGET" --namespace ${ns}
kubectl get cluster ${cluster} --namespace ${ns} -o jsonpath='{.status.currentPrimary}{"\n"}'
```

## Afterwards

When the lost instances return, CNPG rewinds or re-clones them as standbys of the new primary (`pg_rewind`): the
transactions only they had are gone for good. Take a backup at once so the new timeline has a base backup<#if spec.backup.enabled>
(`kubectl cnpg backup ${cluster} --namespace ${ns} --method plugin --plugin-name barman-cloud.cloudnative-pg.io`)</#if>, and
collect diagnostics (`runbooks/operations/diagnostics.md`) for the incident report.
