<#include "common/names.md.ftl">
<#assign b = spec.backup>
<!-- ${spec.header} -->
# Losing the AKS cluster or the region: `${spec.aks.clusterName}`

The instances of `${cluster}` run in AKS cluster `${spec.aks.clusterName}` in ${spec.azure.location}, spread over zones ${spec.azure.zones?join(", ")}:
one zone down is a failover (`runbooks/operations/failover-drill.md`). This runbook is for the AKS cluster itself gone or
unusable (deleted, its control plane broken beyond repair), or the whole region down. Run from the directory holding
`${L.specFile}`.
<#if !b.enabled>

Backups are disabled in this spec (`backup.enabled: false`): without them, losing the AKS cluster loses the data.
Enable backups now.
<#else>

The backups survive in storage account `${b.storageAccountName}` (${b.storageSku}, container `${b.containerName}`):
<#if ops.geoRedundantBackups>
geo-redundant, so after a regional outage Microsoft can fail the account over to the paired region (or you can:
`az storage account failover --name ${b.storageAccountName}`), losing the last minutes of replication.
<#else>
redundant within ${spec.azure.location} only: if the region is lost, so are the backups until it returns. For a
recovery in another region, choose a geo-redundant `backup.storageSku`.
</#if>

## The AKS cluster is lost, the region is fine

1. Check what is left: the resource group, the storage account and the identity normally are.

   ```bash
   az aks show --resource-group ${aksRg} --name ${aksName} --query provisioningState -o tsv
   az storage account show --name ${b.storageAccountName} --resource-group ${rg} --query provisioningState -o tsv
   az identity show --name ${sh.quote(spec.azure.workloadIdentityName)} --resource-group ${rg} --query clientId -o tsv
   ```

<#if spec.scope.onExistingCluster()>
2. The AKS cluster `${spec.aks.clusterName}` is not pgaks's: its owners rebuild it, with the prerequisites listed in
   README.md. A new AKS cluster has a new OIDC issuer: deploy this tree's `infra/` again, which points the federated
   credential `${spec.azure.federatedCredentialName}` at it. Save the outputs and render again (the client ID stays the
   same unless the identity was recreated):
<#elseif spec.scope.isDatabase()>
2. Rebuild the platform first, as its tree's README says (`${L.outputDir}/${spec.environment}/${spec.scope.platform.name}/platform/README.md`):
   its Azure deployment, the Helm charts and its `k8s/`. A new AKS cluster has a new OIDC issuer: deploy this tree's
   `infra/` again, which points the federated credential `${spec.azure.federatedCredentialName}` at it. Save the outputs
   and render again (the client ID stays the same unless the identity was recreated):
<#else>
2. Rebuild the AKS cluster by deploying `infra/` again (README.md, "Azure infrastructure"). A new AKS cluster has a
   new OIDC issuer: the deployment updates the federated credential `${spec.azure.federatedCredentialName}` to it. Save the
   outputs and render again (the client ID stays the same unless the identity was recreated):
</#if>

   ```bash
   az deployment group create --resource-group ${rg} --name ${sh.quote(spec.azure.deploymentName)} \
     --template-file ${T}/infra/main.bicep --parameters ${T}/infra/main.bicepparam
   az deployment group show --resource-group ${rg} --name ${sh.quote(spec.azure.deploymentName)} \
     --query properties.outputs > ${sh.quote(L.azureOutputsFile)}
   pgaks render ${sh.quote(L.specFile)} -o ${sh.quote(L.outputDir)}
   az aks get-credentials --resource-group ${aksRg} --name ${aksName} --overwrite-existing
<#if spec.aks.entraId.enabled>
   kubelogin convert-kubeconfig -l azurecli
</#if>
   ```

<#if spec.scope.isDatabase()>
3. The operator and the Barman Cloud plugin come with the cluster (step 2); check them:
   `kubectl get deploy --namespace ${p.operatorNamespace}`.
<#else>
3. Install the Helm charts as in README.md.
</#if>

4. Recover `${cluster}` from its backups: follow `runbooks/operations/restore.md` for a spec with `restore.enabled: true`,
   `restore.sourceCluster: ${cluster}` and a new `postgres.clusterName` (the new cluster archives under its own server
   name, so the old archive stays intact as the source). Without `targetTime` it replays to the last archived WAL:
   commits not yet archived when the cluster was lost are gone.

5. Point clients at the new cluster's read-write service and Secret (restore runbook, step 7); the restore runbook's
   step 5 applies the new cluster's `monitoring/` and dashboard.

6. Remove the lost cluster's alerts. Deploying this tree's `infra/` in step 2 recreated the alert rule groups of
   `${cluster}`, which no longer exists: they page `CNPGClusterOffline` until they are gone.
<#if spec.monitoring.azureManagedPrometheus()>

   ```bash
<#list spec.monitoring.clusterRuleGroups() as group>
   az alerts-management prometheus-rule-group delete --name ${group.name} --resource-group ${rg}
</#list>
   ```
<#else>
   Do not apply this tree's `monitoring/` on the new AKS cluster (its PrometheusRule `${spec.monitoring.ruleGroupName}`
   watches `${cluster}`); if you did:

   ```bash
   kubectl delete prometheusrule ${spec.monitoring.ruleGroupName} --namespace ${ns} --ignore-not-found
   ```
</#if>

<@restoreWindowAlerts name="the recovered cluster"/>

## The region is lost

1. Choose a region and, if the storage account is not geo-redundant, wait for ${spec.azure.location}: there is no copy
   elsewhere. With a geo-redundant account, fail it over (it then becomes locally redundant in the new region):

   ```bash
   az storage account failover --name ${b.storageAccountName} --resource-group ${rg}
   ```

2. Copy the spec, set `azure.location` to the new region (and `azure.zones` to zones it offers), keep `metadata.name`,
   `azure.resourceGroup` and `backup.storageAccountName: ${b.storageAccountName}` (set it explicitly: the derived name
   hashes the location), and make it a restore as in step 4 above. Render it, deploy its `infra/`, install the charts
   and apply `k8s/`.

3. After the region returns, decommission the old deployment (`runbooks/operations/decommission.md`) rather than
   starting it: two primaries would write to the same container.
</#if>
