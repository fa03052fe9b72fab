<#include "common/names.md.ftl">
<!-- ${spec.header} -->
# PostgreSQL upgrade: `${cluster}`

Running image: `${p.image}` (PostgreSQL ${p.version}). Run from the directory holding `${L.specFile}`.

## Minor version

1. Set `postgres.image` in the spec to a newer tag of the same major and flavour (a
   `ghcr.io/cloudnative-pg/postgresql` tag of major ${p.version}, `-standard-trixie`), or upgrade pgaks, which pins the
   newest minor. Render, review and apply:

   ```bash
   pgaks render ${sh.quote(L.specFile)} -o ${sh.quote(L.outputDir)}
   git diff -- ${T}/k8s/cluster.yaml
   kubectl apply -k ${T}/k8s/
   ```

2. CNPG rolls the standbys one at a time (each must be streaming again before the next, with the operator's
   `CLUSTERS_ROLLOUT_DELAY` between clusters), then, because `primaryUpdateMethod: switchover`, promotes an
   up-to-date standby and restarts the old primary last. Clients see one switchover.
3. Follow it: `kubectl cnpg status ${cluster} --namespace ${ns}`.

## Major version (${p.version} to ${ops.nextMajorVersion})

CNPG 1.26 and later upgrade in place, offline: all instances stop, a job runs `pg_upgrade --link`, the cluster
comes back on the new major. Plan for downtime.

1. Take a backup right before<#if spec.backup.enabled>:

   ```bash
   kubectl delete --namespace ${ns} --ignore-not-found -f ${T}/k8s/manual/backup-on-demand.yaml
   kubectl apply --namespace ${ns} -f ${T}/k8s/manual/backup-on-demand.yaml
   kubectl get backup ${spec.backup.onDemandBackupName} --namespace ${ns} --watch
   ```

   and<#else>, and</#if> rehearse on a restored copy (`runbooks/operations/restore.md`).
2. Check the extensions used by every database exist in the new image, and that parameters you override are still
   valid on PostgreSQL ${ops.nextMajorVersion}.
<#if spec.backup.enabled>
3. A new archive for the new major: `pg_upgrade` starts a new system with timeline 1, whose WAL must not mix with the
   ${p.version} archive under server name `${spec.backup.serverName}`. In the same change as the version, set `backup.serverName`
   in the spec to a new one, such as `${ops.nextMajorServerName}` (the Cluster's plugin parameter `serverName`); the old archive then
   stays intact for restores to ${p.version}.
4. Set `postgres.version` to ${ops.nextMajorVersion} and `backup.serverName` to the new name in the spec, render, review that `imageName` and `serverName` change
   together in `${L.treeDir}/k8s/cluster.yaml`, and apply:
<#else>
3. Set `postgres.version` to ${ops.nextMajorVersion} in the spec, render, review `${L.treeDir}/k8s/cluster.yaml`, and apply:
</#if>

   ```bash
   pgaks render ${sh.quote(L.specFile)} -o ${sh.quote(L.outputDir)}
   git diff -- ${T}/k8s/cluster.yaml
   kubectl apply -k ${T}/k8s/
   kubectl get pods --namespace ${ns} -l cnpg.io/cluster=${cluster} --watch
   ```

   The image must keep the same OS distribution (trixie); CNPG refuses otherwise.
1. Update the extensions' SQL objects: `pg_upgrade` leaves them at their old versions. List what is behind in each
   database and update it (`ALTER EXTENSION ... UPDATE` in every database that has the extension):

   ```bash
   <@readPrimary i="   "/>
   BEHIND="SELECT format('ALTER EXTENSION %I UPDATE;', name) FROM pg_available_extensions WHERE installed_version IS DISTINCT FROM default_version AND installed_version IS NOT NULL"
   for db in ${p.bootstrap.database}<#list p.databases as d> ${d.name}</#list>; do
     echo "$db:"
     kubectl exec "$PRIMARY" --namespace ${ns} -c postgres -- psql -d "$db" -tA -c "$BEHIND" \
       | kubectl exec -i "$PRIMARY" --namespace ${ns} -c postgres -- psql -d "$db" -e -v ON_ERROR_STOP=1
   done
   ```

1. Refresh the planner statistics, which `pg_upgrade` does not carry over, and take a new base backup<#if spec.backup.enabled> (the
   ScheduledBackup `${spec.backup.scheduledBackupName}` or the on-demand backup above)</#if>: backups taken before the upgrade only restore to
   PostgreSQL ${p.version}.

   ```bash
   <@readPrimary i="   "/>
   kubectl exec "$PRIMARY" --namespace ${ns} -c postgres -- vacuumdb --all --analyze-in-stages
   ```

If the upgrade job fails, CNPG leaves the old data directory in place: revert `postgres.version` and apply again.
