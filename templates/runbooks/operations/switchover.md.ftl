<#include "common/names.md.ftl">
<!-- ${spec.header} -->
# Planned switchover: `${cluster}`

Moves the primary role to a standby on purpose (before maintenance on the primary's node, or to go back after a
failover). PostgreSQL shuts the primary down cleanly and the chosen standby is promoted once it has replayed
everything, so no committed transaction is lost; clients of `${p.readWriteService}` are disconnected for a few seconds.
Run from the directory holding `${L.specFile}`.

1. Read the current state and the primary:

   ```bash
   kubectl cnpg status ${cluster} --namespace ${ns}
   <@readPrimary i="   "/>
   ```

2. Pick the standby to promote: a streaming one, preferably in another zone than the primary. This lists the
   standbys with their zone; the first line is taken unless you set `TARGET` yourself:

   ```bash
   kubectl get pods --namespace ${ns} -l cnpg.io/cluster=${cluster},cnpg.io/instanceRole=replica \
     -o custom-columns=POD:.metadata.name,NODE:.spec.nodeName,READY:.status.containerStatuses[0].ready
   TARGET=$(kubectl get pods --namespace ${ns} -l cnpg.io/cluster=${cluster},cnpg.io/instanceRole=replica \
     -o jsonpath='{.items[0].metadata.name}')
   echo "promoting $TARGET"
   ```

3. Promote it and follow the change:

   ```bash
   kubectl cnpg promote ${cluster} "$TARGET" --namespace ${ns}
   kubectl get cluster ${cluster} --namespace ${ns} --watch \
     -o custom-columns=PHASE:.status.phase,PRIMARY:.status.currentPrimary
   ```

4. Check: `kubectl cnpg status ${cluster} --namespace ${ns}` shows `$TARGET` as primary and the old primary streaming
   as a standby<#if p.synchronous.enabled>, with ${p.synchronous.number} synchronous standby(s)</#if>.

A node drain (`kubectl drain`, AKS node upgrades) triggers the same switchover by itself when the primary's pod is
evicted.
