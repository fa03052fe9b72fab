<#assign p = spec.postgres>
<#assign ns = p.namespace>
<#assign cluster = p.clusterName>
## Helm charts and Kubernetes manifests

Run these against the AKS cluster once the Azure deployment is done and the files were rendered again with its outputs
(the workload identity client ID in `k8s/cluster.yaml` must not be the all-zero placeholder):

```bash
az aks get-credentials --resource-group ${sh(spec.azure.resourceGroup)} --name ${spec.aks.clusterName}
```

### 1. Helm charts, in this order

```bash
<#assign seenRepos = []>
<#list p.operator.releases as r>
<#if !seenRepos?seq_contains(r.repoName)>
helm repo add ${r.repoName} ${r.repoUrl}
<#assign seenRepos = seenRepos + [r.repoName]>
</#if>
</#list>
helm repo update
<#list p.operator.releases as r>
helm upgrade --install ${r.release} ${r.repoName}/${r.chart} --version ${r.version} \
  --namespace ${r.namespace} --create-namespace -f ${r.valuesFile} --wait
</#list>
```

The operator (and the Barman Cloud plugin, which must share its namespace) run on the system node pool. The operator
settings the guide sets (`CLUSTERS_ROLLOUT_DELAY`, `STANDBY_TCP_USER_TIMEOUT`) are in `helm/cnpg-operator.values.yaml`
under `config.data`: the chart writes them to `cnpg-controller-manager-config` in `${p.operatorNamespace}`, the only place
the operator reads them (the guide applies that ConfigMap to the database namespace, where it has no effect).

### 2. Kubernetes manifests

```bash
kubectl apply -k k8s/
kubectl wait cluster/${cluster} --namespace ${ns} --for=condition=Ready --timeout=20m
```

`k8s/kustomization.yaml` lists every object in apply order: the namespace `${ns}`, the StorageClass
`${p.storage.storageClassName}` (${p.storage.storageClass.provisioner}, reclaim policy ${p.storage.storageClass.reclaimPolicy})<#if spec.backup.enabled>,
the ObjectStore `${spec.backup.objectStoreName}` (`${spec.backup.destinationPath}`, retention ${spec.backup.retention})</#if><#if spec.restore.enabled>,
the ObjectStore `${spec.restore.sourceObjectStoreName}` holding the backups of `${spec.restore.sourceCluster}`</#if>, the Cluster
`${cluster}` (${p.instances} instance(s))<#list p.databases as d>, the Database `${d.name}`</#list><#if spec.backup.enabled>, the
ScheduledBackup `${spec.backup.scheduledBackupName}` (`${spec.backup.schedule}`, six fields, seconds first)</#if><#if p.pooler.enabled>,
the Pooler `${p.pooler.name}` (PgBouncer, ${p.pooler.mode} mode)</#if>.
<#if p.roles?has_content>

Managed roles whose password comes from a Secret need that Secret (type `kubernetes.io/basic-auth`, keys `username` and
`password`) in `${ns}` before they can log in; pgaks never renders Secrets:
<#list p.roles?filter(r -> r.passwordSecret?has_content) as r>
- `${r.passwordSecret}` for role `${r.name}`
</#list>
</#if>
<#if p.bootstrap.secretProvided>

Create the application owner's Secret `${p.bootstrap.secretName}` (type `kubernetes.io/basic-auth`, `username: ${p.bootstrap.owner}`)
in `${ns}` before `kubectl apply -k`; initdb reads it.
<#else>

CNPG generates the application owner's credentials in the Secret `${p.bootstrap.secretName}`.
</#if>

### 3. By hand

`k8s/manual/` is outside the kustomization: nothing there runs on `kubectl apply -k`.
<#if spec.backup.enabled>

On-demand backup (a Backup is immutable: delete the previous one first):

```bash
kubectl delete --namespace ${ns} --ignore-not-found -f k8s/manual/backup-on-demand.yaml
kubectl apply --namespace ${ns} -f k8s/manual/backup-on-demand.yaml
kubectl get backup ${spec.backup.onDemandBackupName} --namespace ${ns} --watch
```
</#if>
<#if p.sampleData.enabled>

Sample dataset (the guide's `datasample` table, written into `${p.bootstrap.database}` as `${p.bootstrap.owner}`):

```bash
kubectl apply -f k8s/manual/sample-data-job.yaml
kubectl wait job/${p.sampleData.jobName} --namespace ${ns} --for=condition=Complete --timeout=5m
kubectl logs job/${p.sampleData.jobName} --namespace ${ns}
```
</#if>

### 4. Check

With the cnpg kubectl plugin (`kubectl krew install cnpg`):

```bash
kubectl cnpg status ${cluster} --namespace ${ns}
kubectl get pods --namespace ${ns} -l cnpg.io/cluster=${cluster} -o wide
```

Expect ${p.instances} ready instance(s) on different nodes and zones<#if p.synchronous.enabled>, ${p.synchronous.number} synchronous standby(s) (`${p.synchronous.method}`)</#if><#if spec.backup.enabled>,
and "Working WAL archiving: OK"; once the first base backup finished, a "First Point of Recoverability"</#if>.
Operations: `runbooks/operations/` (failover drill, restore, PostgreSQL upgrade, AKS upgrade).

