<#assign p = spec.postgres>
<#assign ns = p.namespace>
<#assign cluster = p.clusterName>
<#assign L = spec.operations.layout>
<#assign T = sh.quote(L.treeDir)>
## Helm charts and Kubernetes manifests

Run these against the AKS cluster once the Azure deployment is done and the files were rendered again with its outputs
(the workload identity client ID in `${L.treeDir}/k8s/cluster.yaml` must not be the all-zero placeholder), from the
directory holding `${L.specFile}`:

```bash
az aks get-credentials --resource-group ${sh.quote(spec.azure.resourceGroup)} --name ${sh.quote(spec.aks.clusterName)}
<#if spec.aks.entraId.enabled>
kubelogin convert-kubeconfig -l azurecli
</#if>
```

### 1. Helm charts, in this order

```bash
<#list p.operator.repositories() as r>
helm repo add ${r.repoName} ${r.repoUrl}
</#list>
helm repo update
<#list p.operator.releases as r>
helm upgrade --install ${r.release} ${r.repoName}/${r.chart} --version ${r.version} \
  --namespace ${r.namespace} --create-namespace -f ${T}/${r.valuesFile} --wait
</#list>
```

The operator (and the Barman Cloud plugin, which must share its namespace) run on the system node pool. The operator
settings (<#list p.operator.config as setting>`${setting.name}: ${setting.value}`<#sep>, </#list>) are in `helm/cnpg-operator.values.yaml`
under `config.data`: the chart writes them to `cnpg-controller-manager-config` in `${p.operatorNamespace}`, the only place
the operator reads them (the guide applies that ConfigMap to the database namespace, where it has no effect).
`STANDBY_TCP_USER_TIMEOUT` is in milliseconds: the guide's `'10'` would drop every standby connection at its first
retransmission, so the operator's default (5000) stays unless `postgres.operator.standbyTcpUserTimeoutSeconds` is set.
The operator runs as Deployment `${p.operator.operatorRelease().deploymentName()}` (Helm release `${p.operator.operatorRelease().release}`)
with two replicas, of which leader election makes one active, so a drained system node does not stop reconciliation:

```bash
kubectl rollout status deployment/${p.operator.operatorRelease().deploymentName()} --namespace ${p.operatorNamespace}
```
<#if spec.backup.enabled || spec.restore.enabled>

<#if p.operator.pluginVersion?has_content>
The plugin chart ${spec.backup.pluginChartVersion} deploys Barman Cloud plugin ${p.operator.pluginVersion} (its appVersion, the tag of both
the plugin and its sidecar image), which may lag the plugin's newest release; pgaks keeps the chart's tag, which
matches the ObjectStore CRD the chart installs.
<#else>
The plugin chart ${spec.backup.pluginChartVersion} deploys the Barman Cloud plugin version its appVersion names
(`helm show chart cnpg/plugin-barman-cloud --version ${spec.backup.pluginChartVersion}`), for the plugin and its sidecar image.
</#if>
</#if>

### 2. Kubernetes manifests

```bash
kubectl apply -k ${T}/k8s/
kubectl wait cluster/${cluster} --namespace ${ns} --for=condition=Ready --timeout=20m
```

`${L.treeDir}/k8s/kustomization.yaml` lists every object in apply order: the namespace `${ns}`, the StorageClass
`${p.storage.storageClassName}` (${p.storage.storageClass.provisioner}, reclaim policy ${p.storage.storageClass.reclaimPolicy})<#if spec.backup.enabled>,
the ObjectStore `${spec.backup.objectStoreName}` (`${spec.backup.destinationPath}`, retention ${spec.backup.retention})</#if><#if spec.restore.enabled>,
the ObjectStore `${spec.restore.sourceObjectStoreName}` holding the backups of `${spec.restore.sourceCluster}`</#if>, the Cluster
`${cluster}` (${p.instances} instance(s))<#list p.databases as d>, the Database `${d.name}`</#list><#if spec.backup.enabled>, the
ScheduledBackup `${spec.backup.scheduledBackupName}` (`${spec.backup.schedule}`, six fields, seconds first)</#if><#if p.pooler.enabled>,
the Pooler `${p.pooler.name}` (PgBouncer, ${p.pooler.mode} mode) with its PodDisruptionBudget</#if>.

A replica reports ready while it streams from the primary no more than `${p.readinessMaximumLag}` behind
(`postgres.readinessMaximumLag`, default 1Gi or the derived `max_wal_size` where that is smaller). An unready replica
leaves the read-only services and no longer counts for switchover, failover or node drains, so the bound must
tolerate the bursts of a bulk load or an index build; the guide's `maximumLag: 0` made every replica unready at its
first byte of lag and blocked switchovers and AKS node drains. Reads through `${cluster}-ro` and `${cluster}-r` are
eventually consistent: a replica may be up to that bound behind, and even synchronous replication confirms a commit
once a standby has flushed it, not replayed it, so a client does not always read its own writes there. Read what
must be current through `${cluster}-rw`.

A starting replica is given an hour (`startDelay: 3600`, CNPG's default) to reach streaming within 32Mi of its
source, enough to replay archived WAL after a long outage; only then do the readiness and liveness probes begin.
<#if spec.backup.enabled>

WAL and base backups go to the folder `${spec.backup.serverName}` of the container (`backup.serverName`). Give it a new
value at every PostgreSQL major upgrade and for every restored cluster: the new system identifier must not mix its WAL
with the old one's. The ScheduledBackup starts at `${spec.backup.schedule}` (UTC)<#if spec.aks.upgrades.windowDeclared>, outside the AKS maintenance window</#if>.
</#if>
<#if p.pooler.enabled>

PgBouncer runs ${p.pooler.instances} pod(s) on the PostgreSQL node pool, spread across zones, each with at most
${p.pooler.defaultPoolSize} server connections per database and user (`default_pool_size`) and ${p.pooler.maxDbConnections} per database
(`max_db_connections`, its share), so that all pods fit in PostgreSQL's `max_connections` less the reserved slots,
one `auth_query` connection per pod and headroom for the instance manager, the exporter and admin sessions
(superuser sessions take ordinary slots before the reserved ones). The pods request
${p.pooler.resources.cpuRequest} CPU and ${p.pooler.resources.memoryRequest} (limits ${p.pooler.resources.cpuLimit} CPU, ${p.pooler.resources.memoryLimit}), and the
PodDisruptionBudget `${p.pooler.name}` lets a drain take one at a time. Clients authenticate with SCRAM<#if p.pooler.clientTlsRequired()> and must use TLS (`client_tls_sslmode: require`), as
the cluster itself refuses plaintext</#if>. Its metrics are scraped by the PodMonitor `${spec.monitoring.poolerPodMonitor.name}`.
</#if>
<#if p.nodeMaintenanceWindow.enabled>

Local NVMe volumes cannot follow an instance to another node, and a node image upgrade or deallocation erases them.
The Cluster sets `nodeMaintenanceWindow` with `inProgress: false` and `reusePVC: false`. Before draining PostgreSQL
nodes (or around the AKS maintenance window) set `inProgress: true`
(`kubectl patch cluster ${cluster} -n ${ns} --type merge -p '{"spec":{"nodeMaintenanceWindow":{"inProgress":true}}}'`),
and back to `false` afterwards. Meanwhile the operator rebuilds a drained instance on another node with a new volume,
cloned from the primary by streaming replication, instead of waiting for its node. The trade-off: each drained
instance is a full copy (time, network and primary load in proportion to the database size) and the cluster runs one
replica short until it is done; waiting would bring back nothing, since the local disk does not survive the node.
Self-healing and rolling updates are limited while `inProgress` is true: keep it short. For the same reason AKS
does not upgrade this cluster by itself (`aks.upgrades.channel` is `none`: an unattended upgrade would replace the
nodes with the window closed and leave each replica Pending on a volume pinned to a deleted node); upgrade with
`runbooks/operations/aks-upgrade.md`, which opens and closes the window. Every apply prints the webhook's warning
"Consider using `.spec.enablePDB` instead of the node maintenance window feature": it is expected, as the stanza is
kept so that the patch above has a field to change.
</#if><#if p.roles?has_content>

Managed roles whose password comes from a Secret need that Secret (type `kubernetes.io/basic-auth`, keys `username` and
`password`) in `${ns}` before they can log in; pgaks never renders Secrets:
<#list p.roles?filter(r -> r.passwordSecret?has_content) as r>
- `${r.passwordSecret}` for role `${r.name}`
</#list>
</#if>
<#if p.bootstrap.secretProvided>

Create the application owner's Secret `${p.bootstrap.secretName}` (type `kubernetes.io/basic-auth`, `username: ${p.bootstrap.owner}`)
in `${ns}` before `kubectl apply -k ${L.treeDir}/k8s/`; initdb reads it.
<#else>

CNPG generates the application owner's credentials in the Secret `${p.bootstrap.secretName}`.
</#if>

### 3. By hand

`${L.treeDir}/k8s/manual/` is outside the kustomization: nothing there runs on `kubectl apply -k`.
<#if spec.backup.enabled>

On-demand backup (a Backup is immutable: delete the previous one first):

```bash
kubectl delete --namespace ${ns} --ignore-not-found -f ${T}/k8s/manual/backup-on-demand.yaml
kubectl apply --namespace ${ns} -f ${T}/k8s/manual/backup-on-demand.yaml
kubectl get backup ${spec.backup.onDemandBackupName} --namespace ${ns} --watch
```
</#if>
<#if p.sampleData.enabled>

Sample dataset (the guide's `datasample` table, written into `${p.bootstrap.database}` as `${p.bootstrap.owner}`):

```bash
kubectl apply -f ${T}/k8s/manual/sample-data-job.yaml
kubectl wait job/${p.sampleData.jobName} --namespace ${ns} --for=condition=Complete --timeout=5m
kubectl logs job/${p.sampleData.jobName} --namespace ${ns}
```
</#if>

### 4. Check

With the cnpg kubectl plugin:

```bash
kubectl cnpg status ${cluster} --namespace ${ns}
kubectl get pods --namespace ${ns} -l cnpg.io/cluster=${cluster} -o wide
```

Expect ${p.instances} ready instance(s) on different nodes and zones<#if p.synchronous.enabled>, ${p.synchronous.number} synchronous standby(s) (`${p.synchronous.method.value()}`)</#if><#if spec.backup.enabled>,
and "Working WAL archiving: OK"; once the first base backup finished, a "First Point of Recoverability"</#if>.
## Operations

Procedures in `${L.treeDir}/runbooks/operations/`, each with this deployment's names:

| runbook | when |
|---|---|
| `failover-drill.md` | measure RTO and lost writes when the primary, its node or its zone is lost |
| `switchover.md` | move the primary on purpose |
| `fencing.md` | stop PostgreSQL in one instance to examine it, or destroy and rebuild it |
| `forced-promotion.md` | no primary because the failover quorum blocks the promotion: the data-loss decision |
| `restore.md` | point-in-time recovery into a new cluster, moving clients, cleaning up the source |
| `test-restore.md` | the scheduled test that the backups restore |
| `cluster-loss.md` | the AKS cluster or the region is lost: rebuild and restore |
| `postgres-upgrade.md` | PostgreSQL minor and major upgrades |
| `aks-upgrade.md` | Kubernetes upgrades of the control plane and node pools |
| `operator-upgrade.md` | upgrading cert-manager, the operator and the plugin, in order |
| `resize-and-scale.md` | volumes, instances, CPU and memory through the spec |
| `rotate-credentials.md` | new passwords for the application owner and managed roles |
| `diagnostics.md` | what to collect before changing anything |
| `decommission.md` | removing the cluster and the disks and Azure resources it leaves |

