<#include "common/names.md.ftl">
<!-- ${spec.header} -->
# Collecting diagnostics: `${cluster}`

What to gather before changing anything, for your own analysis or a support case. Run from the directory holding
`${L.specFile}`; the files land there.

1. The cluster report: the Cluster, its pods, PVCs, events and (with `--logs`) the instance logs, in one zip. Secrets
   are redacted unless you pass `-S`:

   ```bash
   kubectl cnpg report cluster ${cluster} --namespace ${ns} --logs -f ${cluster}-report.zip
   ```

2. The operator report: its Deployment `${operatorRelease.deploymentName()}`, configuration and logs:

   ```bash
   kubectl cnpg report operator --namespace ${p.operatorNamespace} --logs -f ${operatorRelease.deploymentName()}-report.zip
   ```

3. Current state and recent events:

   ```bash
   kubectl cnpg status ${cluster} --namespace ${ns} --verbose > ${cluster}-status.txt
   kubectl get events --namespace ${ns} --sort-by=.lastTimestamp > ${cluster}-events.txt
   kubectl get events --namespace ${p.operatorNamespace} --sort-by=.lastTimestamp > ${p.operatorNamespace}-events.txt
   kubectl get nodes -L topology.kubernetes.io/zone -o wide > nodes.txt
   ```

4. The operator's log since the incident started, and the primary's PostgreSQL log:

   ```bash
   kubectl logs deployment/${operatorRelease.deploymentName()} --namespace ${p.operatorNamespace} --since=2h > operator.log
   <@readPrimary i="   "/>
   kubectl logs "$PRIMARY" --namespace ${ns} --since=2h > "$PRIMARY.log"
   ```

Reports can contain host names, user names and SQL text from the logs: review them before sharing.
