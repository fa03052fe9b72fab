<#include "common/names.md.ftl">
<!-- ${spec.header} -->
# Fencing an instance: `${cluster}`

Fencing stops PostgreSQL in an instance while keeping its pod and volumes: the way to examine a misbehaving or
crash-looping instance, or to stop one from serving, without CNPG replacing it. A fenced standby simply stops
replicating. A fenced **primary** is shut down without a failover: writes stop until it is unfenced. To take the
primary out of service, switch over first (`runbooks/operations/switchover.md`), then fence the old primary.
Run from the directory holding `${L.specFile}`.

1. Choose the instance. This takes the first standby; set `INSTANCE` to the pod you mean:

   ```bash
   kubectl cnpg status ${cluster} --namespace ${ns}
   <@readPrimary i="   "/>
   INSTANCE=$(kubectl get pods --namespace ${ns} -l cnpg.io/cluster=${cluster},cnpg.io/instanceRole=replica \
     -o jsonpath='{.items[0].metadata.name}')
   echo "fencing $INSTANCE (primary is $PRIMARY)"
   ```

2. Fence it; CNPG adds it to the Cluster's `cnpg.io/fencedInstances` annotation and stops its postmaster:

   ```bash
   kubectl cnpg fencing on ${cluster} "$INSTANCE" --namespace ${ns}
   kubectl get cluster ${cluster} --namespace ${ns} -o jsonpath='{.metadata.annotations.cnpg\.io/fencedInstances}{"\n"}'
   ```

3. Investigate: the pod stays up, not Ready, with its data directory mounted.

   ```bash
   kubectl logs "$INSTANCE" --namespace ${ns} --tail=200
   kubectl exec -it "$INSTANCE" --namespace ${ns} -- ls -l /var/lib/postgresql/data/pgdata
   ```

4. Lift the fence; PostgreSQL starts again in the same role:

   ```bash
   kubectl cnpg fencing off ${cluster} "$INSTANCE" --namespace ${ns}
   kubectl cnpg status ${cluster} --namespace ${ns}
   ```

If the instance cannot be repaired, destroy it instead, with all its volumes<#if p.storage.walEnabled> (data and WAL)</#if>; CNPG then creates a new
instance cloned from the primary:

```bash
kubectl cnpg fencing off ${cluster} "$INSTANCE" --namespace ${ns}
kubectl cnpg destroy ${cluster} "$INSTANCE" --namespace ${ns}
```

`kubectl delete pvc` or `kubectl delete pod` are not the same: deleting one claim leaves the other volume of the
instance<#if p.storage.walEnabled> (the `-wal` claim)</#if> and the operator's view of it inconsistent.
