<#include "common/names.md.ftl">
<#assign b = spec.backup>
<#if ops.hasSource()>
<#assign src = ops.source.cluster>
<#assign srcCredential = ops.source.federatedCredentialName>
<#assign srcScheduledBackup = ops.source.scheduledBackupName>
<#assign srcObjectStore = ops.source.objectStoreName>
<#assign srcServerName = ops.source.serverName>
<#assign srcRuleGroup = ops.source.ruleGroupName>
<#assign srcAzureRuleGroups = ops.source.azureRuleGroupNames>
<#assign restored = cluster>
<#assign restoredRw = p.readWriteService>
<#assign restoredSecret = p.bootstrap.secretName>
<#assign restoredTree = L.treeDir>
<#assign restoredDashboard = spec.monitoring.dashboard.file>
<#else>
<#assign src = cluster>
<#assign srcCredential = spec.azure.federatedCredentialName>
<#assign srcScheduledBackup = b.scheduledBackupName>
<#assign srcObjectStore = b.objectStoreName>
<#assign srcServerName = b.serverName>
<#assign srcRuleGroup = spec.monitoring.ruleGroupName>
<#assign srcAzureRuleGroups = spec.monitoring.clusterRuleGroups()?map(g -> g.name)>
<#assign restored = ops.restoreClusterName>
<#assign restoredRw = ops.restoreReadWriteService>
<#assign restoredSecret = ops.restoreAppSecret>
<#assign restoredTree = L.restoreTreeDir>
<#assign restoredDashboard = ops.restoreDashboardFile()>
</#if>
<!-- ${spec.header} -->
# Restore: point-in-time recovery into a new cluster
<#if !b.enabled>

Backups are disabled in this spec (`backup.enabled: false`): there is nothing to restore from. Enable them first.
<#else>

Recovery never overwrites a running cluster: it builds a new cluster `${restored}` from the backups of `${src}` in
`${b.destinationPath}` (server name `${srcServerName}`), then you move clients over. Run every command from the directory
holding `${L.specFile}`.
<#if ops.hasSource()>

This spec is itself that restore: `${cluster}` recovers from `${src}`<#if spec.restore.targetTime?has_content> up to ${spec.restore.targetTime}</#if>, and its tree is `${L.treeDir}/`.
Steps 1 to 3 were done when this spec was written; continue at step 4.
</#if>

## 1. What can be recovered

The first point of recoverability and the last archived WAL, while `${src}` runs:

```bash
kubectl cnpg status ${src} --namespace ${ns}
```

When `${src}` is gone, its ObjectStore still reports the window per server name, and the Backup objects (if not
deleted with the cluster) the latest base backup:

```bash
kubectl get objectstore ${srcObjectStore} --namespace ${ns} -o jsonpath='{.status.serverRecoveryWindow}{"\n"}'
kubectl get backups --namespace ${ns} -l cnpg.io/cluster=${src} --sort-by=.status.stoppedAt \
  -o custom-columns=NAME:.metadata.name,PHASE:.status.phase,STOPPED:.status.stoppedAt | tail -n 3
```

## 2. A spec for the recovered cluster
<#if !ops.hasSource()>

Copy the spec beside itself and change only the cluster's name and the restore. Keep `metadata.name`: the storage
account `${b.storageAccountName}`, the resource group and the AKS cluster derive from it, and a new name would point the
restore at another, empty, storage account.

```bash
cp ${sh.quote(L.specFile)} ${sh.quote(L.restoreSpecFile)}
cp ${sh.quote(L.azureOutputsFile)} ${sh.quote(L.restoreAzureOutputsFile)}
```

The same managed identity serves both clusters, so the saved outputs apply to the copy as they are. In
`${L.restoreSpecFile}`, set:

```yaml
postgres:
  clusterName: ${restored}
restore:
  enabled: true
  sourceCluster: ${src}
  targetTime: "2026-11-20T10:00:00Z"   # RFC 3339, inside the recovery window of step 1; omit for the latest
```

## 3. Render it into its own tree

A restore spec renders into a tree named after its cluster, `${restoredTree}/`, so the source's tree `${L.treeDir}/`
stays as it is:

```bash
pgaks render ${sh.quote(L.restoreSpecFile)} -o ${sh.quote(L.outputDir)}
```
<#else>

See the restore runbook of `${src}`'s tree: the copy keeps `metadata.name` (and so storage account
`${b.storageAccountName}`), sets `postgres.clusterName` and the `restore` section, and renders into `${L.treeDir}/`.

## 3. Render it into its own tree

```bash
pgaks render ${sh.quote(L.specFile)} -o ${sh.quote(L.outputDir)}
```
</#if>

## 4. Workload identity for the new cluster

CNPG names the service account after the Cluster, so `${restored}` needs its own federated credential on
`${spec.azure.workloadIdentityName}` (subject `system:serviceaccount:${ns}:${restored}`). Deploying the new tree's
`infra/` adds it (and the new cluster's alert rule group) and changes nothing else; or create just the credential:

```bash
az identity federated-credential create --name fc-${restored} \
  --identity-name ${sh.quote(spec.azure.workloadIdentityName)} --resource-group ${rg} \
  --issuer "$(az aks show --resource-group ${aksRg} --name ${aksName} --query oidcIssuerProfile.issuerUrl -o tsv)" \
  --subject system:serviceaccount:${ns}:${restored} --audience api://AzureADTokenExchange
```

## 5. Apply and wait

The recovered cluster pins the same PostgreSQL image as the source (a restore across major versions fails), and
archives to the same container under its own server name `<#if ops.hasSource()>${b.serverName}<#else>${restored}</#if>`, so the source's backups are never touched.

```bash
kubectl apply -k ${sh.quote(restoredTree)}/k8s/
kubectl wait cluster/${restored} --namespace ${ns} --for=condition=Ready --timeout=60m
kubectl cnpg status ${restored} --namespace ${ns}
```

Then monitor it: its tree's `monitoring/` scrapes `${restored}` (the source's PodMonitor selects only `${src}`)<#if !spec.monitoring.azureManagedPrometheus()> and holds its alert rules</#if><#if spec.monitoring.azureManagedGrafana()>, and its dashboard is imported into Grafana</#if>:

```bash
kubectl apply -k ${sh.quote(restoredTree)}/monitoring/
<#if spec.monitoring.azureManagedGrafana()>
<#assign grafana = spec.scope.grafana(spec.azure.grafanaName, spec.azure.resourceGroup)>
az grafana dashboard import --name ${sh.quote(grafana.name)} --resource-group ${sh.quote(grafana.resourceGroup)} \
  --definition ${sh.quote(restoredTree)}/${restoredDashboard} --overwrite true
</#if>
```
<#if spec.monitoring.azureManagedPrometheus()>

Its alert rule groups come with the new tree's `infra/` (step 4); with only the credential created, deploy that
`infra/` now, or `${restored}` has no alerts.
</#if>

<@restoreWindowAlerts name="`" + restored + "`" cluster=restored/>

## 6. Check the data

```bash
kubectl cnpg psql ${restored} --namespace ${ns} -- ${p.bootstrap.database} -c 'SELECT pg_is_in_recovery(), now()'
kubectl cnpg psql ${restored} --namespace ${ns} -- ${p.bootstrap.database} -c '\dt+'
<#if p.sampleData.enabled>
kubectl cnpg psql ${restored} --namespace ${ns} -- ${p.bootstrap.database} -c 'SELECT count(*) FROM datasample'
</#if>
```

`pg_is_in_recovery` must be `f` (the recovery finished and the cluster was promoted)<#if p.sampleData.enabled>; the sample table holds 3 rows</#if>.

## 7. Move the clients

Clients connect to `${restoredRw}` (namespace `${ns}`)<#if p.bootstrap.secretProvided> with the owner's credentials from the existing Secret `${restoredSecret}`, which the recovery set as the owner's password<#else> and read the credentials from the recovered cluster's Secret `${restoredSecret}`: CNPG generated a new password for `${p.bootstrap.owner}` at recovery, so the source's `${src}-app` no longer works there</#if>:

```bash
kubectl get secret ${restoredSecret} --namespace ${ns} -o jsonpath='{.data.username}' | base64 -d; echo
```

## 8. Clean up the source

Once no client uses `${src}` and you no longer need it as a fallback, delete it and everything it left. Deleting the
Cluster keeps its base backups and WAL in the container under server name `${srcServerName}`, and nothing prunes them
once the source's retention stops running: delete that folder yourself when it is no longer needed as a restore point.

```bash
kubectl delete scheduledbackup ${srcScheduledBackup} --namespace ${ns} --ignore-not-found
kubectl delete cluster ${src} --namespace ${ns}
kubectl delete objectstore ${srcObjectStore} --namespace ${ns} --ignore-not-found
az identity federated-credential delete --name ${srcCredential} \
  --identity-name ${sh.quote(spec.azure.workloadIdentityName)} --resource-group ${rg} --yes
<#if spec.monitoring.azureManagedPrometheus()>
<#list srcAzureRuleGroups as group>
az alerts-management prometheus-rule-group delete --name ${group} --resource-group ${rg}
</#list>
</#if>
```
<#if !spec.monitoring.azureManagedPrometheus()>

Delete the source's PrometheusRule `${srcRuleGroup}` and its PodMonitor `${src}` in `${ns}` the same way (`kubectl delete prometheusrule ${srcRuleGroup} --namespace ${ns}`).
</#if>
<#if ops.hasSource()>

Keep this spec's `restore` section: a Cluster's bootstrap is fixed when it is created, and the read-only ObjectStore
`${spec.restore.sourceObjectStoreName}` it renders changes nothing in the container once the recovery finished.
</#if>

<@retainedDisks name=src/>

An identity holds at most 20 federated credentials: `az identity federated-credential list --identity-name ${sh.quote(spec.azure.workloadIdentityName)} --resource-group ${rg} -o table` shows what is left.
</#if>
