<#assign p = spec.postgres>
<!-- ${spec.header} -->
# PostgreSQL upgrade: `${p.clusterName}`

Running image: `${p.image}` (PostgreSQL ${p.version}).

## Minor version (for example ${p.version}.x to ${p.version}.y)

1. Set `postgres.image` in the spec to the new tag of the same major and flavour
   (`ghcr.io/cloudnative-pg/postgresql:<major>.<minor>-standard-trixie`), or upgrade pgaks, which pins the newest
   minor. Render, review `git diff k8s/cluster.yaml`, then `kubectl apply -k k8s/`.
2. CNPG rolls the standbys one at a time (each must be streaming again before the next, with the operator's
   `CLUSTERS_ROLLOUT_DELAY` between clusters), then, because `primaryUpdateMethod: switchover`, promotes an
   up-to-date standby and restarts the old primary last. Clients see one switchover.
3. Follow it: `kubectl cnpg status ${p.clusterName} --namespace ${p.namespace}`.

## Major version (for example ${p.version} to the next)

CNPG 1.26 and later upgrade in place, offline: all instances stop, a job runs `pg_upgrade --link`, the cluster
comes back on the new major. Plan for downtime.

1. Take a backup right before<#if spec.backup.enabled> (`k8s/manual/backup-on-demand.yaml`, see README.md)</#if> and
   rehearse on a restored copy (runbooks/operations/restore.md).
2. Check the extensions used by every database exist in the new image, and that parameters you override are still
   valid on the new major.
3. Set `postgres.version` in the spec to the new major<#if spec.backup.enabled>, and in the same change `backup.serverName` to a
   new folder (for example `${p.clusterName}-pg<new major>`; now `${spec.backup.serverName}`): the upgraded cluster has a new
   system identifier and must not archive into the old one's WAL</#if>; render, `kubectl apply -k k8s/`. The image must keep the same
   OS distribution (trixie); CNPG refuses otherwise.
4. Watch: `kubectl get pods --namespace ${p.namespace} -w` and `kubectl cnpg status ${p.clusterName} --namespace ${p.namespace}`.
5. Afterwards run `ALTER EXTENSION <name> UPDATE;` for each extension in each database (`\dx` lists them; pg_upgrade
   keeps the old extension versions), then `ANALYZE` in each database (`vacuumdb --all --analyze-in-stages`), and<#if spec.backup.enabled> wait for the
   ScheduledBackup `${spec.backup.scheduledBackupName}` or take an on-demand backup:</#if> backups taken before the upgrade only
   restore to the old major.

If the upgrade job fails, CNPG leaves the old data directory in place: revert `postgres.version` and apply again.
