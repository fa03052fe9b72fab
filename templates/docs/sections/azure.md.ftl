<#assign az = spec.azure>
<#assign aks = spec.aks>
<#assign prometheus = spec.monitoring.azureManagedPrometheus()>
<#assign grafana = spec.monitoring.azureManagedGrafana()>
<#assign L = spec.operations.layout>
<#assign T = sh.quote(L.treeDir)>
<#assign hasStorage = item.storage>
<#assign api = aks.apiServer>
<#assign admins = az.admins>
<#assign workspace = item.logs>
## Azure infrastructure (`infra/`)

One Bicep deployment into resource group `${az.resourceGroup}` (${az.location}) creates:

- two user-assigned managed identities: `${az.controlPlaneIdentityName}` for the AKS control plane and `${az.workloadIdentityName}` for PostgreSQL (the guide uses one identity for both; separate ones keep each to the rights it needs);
- AKS cluster `${aks.clusterName}` (${aks.tier} tier, <#if aks.kubernetesVersion?has_content>Kubernetes ${aks.kubernetesVersion} pinned<#else>Kubernetes version left to AKS: its default at creation, then <#if aks.upgrades.autoUpgradeWindow>kept current by the upgrade channel<#else>upgraded by hand (`runbooks/operations/aks-upgrade.md`), as no upgrade channel is set</#if></#if>, node resource group `${aks.nodeResourceGroup}`): system pool `${aks.systemPool.name}` (${aks.systemPool.vmSize}, ${aks.systemPool.minCount}-${aks.systemPool.maxCount} nodes over zones ${aks.systemPool.zones?join(", ")}) and one PostgreSQL pool per zone, <#list aks.postgresZonePools as pool>`${pool.name}` (zone ${pool.zone})<#sep>, </#sep></#list>, each ${aks.postgresPool.vmSize} with ${aks.postgresZonePools[0].minCount}-${aks.postgresZonePools[0].maxCount} nodes (label `${aks.postgresPool.nodeLabelKey}=${aks.postgresPool.nodeLabelValue}`<#if aks.postgresPool.taint?has_content>, taint `${aks.postgresPool.taint}`</#if>, surge ${aks.postgresPool.maxSurge} node, ${aks.postgresPool.drainTimeoutMinutes}-minute drain timeout), so that the autoscaler, balancing similar node groups, can add a node in the zone a pending instance needs; Azure CNI overlay with Cilium dataplane and network policy; OIDC issuer and workload identity<#if aks.entraId.enabled>; Entra ID with Azure RBAC</#if><#if aks.entraId.disableLocalAccounts>, local accounts disabled</#if>;
<#if api.authorizedRanges>
- API server reachable from ${api.authorizedIpRanges?join(", ")} only (`aks.apiServerAuthorizedIpRanges`);
<#elseif api.privateCluster>
- a private API server, reachable only from the cluster's virtual network: run the `kubectl` and `helm` steps from a machine in that network, or through `az aks command invoke --resource-group ${az.resourceGroup} --name ${aks.clusterName} --command "..."`;
</#if>
<#if aks.entraId.enabled && (admins.principals?has_content || admins.deployer)>
- Azure Kubernetes Service RBAC Cluster Admin on the cluster for <#if admins.deployer>the principal that runs the deployment</#if><#if admins.deployer && admins.principals?has_content> and </#if><#list admins.principals as admin>${admin.principalType} `${admin.objectId}`<#sep>, </#sep></#list> (<#if admins.deployer>`azure.deployerIsAdmin`</#if><#if admins.deployer && admins.principals?has_content>, </#if><#if admins.principals?has_content>`azure.adminPrincipals`</#if>): with Azure RBAC and no local accounts, even a subscription Owner cannot use `kubectl` without it;
</#if>
<#if aks.controlPlaneLogs.enabled>
- diagnostic setting `${aks.controlPlaneLogs.diagnosticSettingName}` sending the control plane logs ${aks.controlPlaneLogs.categories?join(", ")} to the Log Analytics workspace (tables AKSAuditAdmin and AKSControlPlane);
</#if>
- auto-upgrade channel `${aks.upgrades.channel}` and node OS channel `${aks.upgrades.nodeOsChannel}`<#if aks.upgrades.windowDeclared>, in a weekly window on ${aks.upgrades.maintenanceDay} from ${aks.upgrades.maintenanceStartTime} UTC for ${aks.upgrades.maintenanceDurationHours} hours</#if>;
<#if aks.azureContainerStorage>
- Azure Container Storage (extension `microsoft.azurecontainerstoragev2`) for the local NVMe volumes;
</#if>
- federated credential `${az.federatedCredentialName}` on `${az.workloadIdentityName}`, trusting the cluster's OIDC issuer for subject `${az.federatedSubject}` (CNPG names the service account after the Cluster);
<#if hasStorage>
- storage account `${spec.backup.storageAccountName}` (${spec.backup.storageSku}, Entra ID only: no shared keys, no public blobs, TLS 1.2) with container `${spec.backup.containerName}`, ${spec.backup.softDeleteDays}-day soft delete of blobs and containers, versioning with previous versions expiring after ${spec.backup.softDeleteDays} days (current backups are never aged out: the plugin's retention of ${spec.backup.retention} removes only what the recovery window no longer needs), <#if spec.backup.deleteLock.enabled>a `CanNotDelete` lock `${spec.backup.deleteLock.name}` on the account, so that deleting the resource group cannot erase the backups (see [Removing the deployment](#removing-the-deployment)), </#if>and Storage Blob Data Contributor on the account for `${az.workloadIdentityName}`;
</#if>
<#if workspace>
- Log Analytics workspace `${az.logAnalyticsWorkspaceName}`<#if aks.containerInsights> with Container Insights (data collection rule `${az.dataCollection.containerInsightsRuleName}`)</#if>;
</#if>
<#if prometheus>
- Azure Monitor workspace `${az.monitorWorkspaceName}` for managed Prometheus, with data collection endpoint `${az.dataCollection.endpointName}` and rule `${az.dataCollection.prometheusRuleName}` associated with the cluster, and the default recording rule groups <#list az.recordingGroups as group>`${group.name}`<#sep>, </#sep></#list> that Azure Managed Grafana's built-in Kubernetes dashboards read;
- ${spec.monitoring.ruleGroups?size} Prometheus rule groups (`${spec.monitoring.ruleGroupName}-*` and the operator's) with ${spec.monitoring.alerts?size} alert rules, each linked to its runbook (module `infra/modules/alerts.bicep`)<#if spec.monitoring.hasActionGroup()>, notifying `${spec.monitoring.alertEmail}` through action group `${spec.monitoring.actionGroup.name}`<#else>; no action group, as the spec sets no `monitoring.alertEmail`</#if>;
</#if>
<#if grafana>
- Azure Managed Grafana `${az.grafanaName}` (zone redundant<#if prometheus>, reading the Azure Monitor workspace as itself with Monitoring Data Reader</#if>, and Azure Monitor data of resource group `${az.resourceGroup}` with Monitoring Reader there, as `az grafana create` grants on the subscription)<#if admins.deployer || admins.principals?has_content || spec.monitoring.grafanaAdminPrincipalIds?has_content>, with Grafana Admin for <#if admins.deployer>the deploying principal<#if admins.principals?has_content || spec.monitoring.grafanaAdminPrincipalIds?has_content>, </#if></#if>${(admins.objectIds() + spec.monitoring.grafanaAdminPrincipalIds)?join(", ")}</#if>.
</#if>
<#if prometheus || aks.containerInsights>

<#if prometheus>Metrics<#else>Container logs</#if> appear a few minutes after the first deployment: the monitoring agents start with the cluster and pick up their data collection rules once the monitoring module has associated them with it.
</#if>
<#if hasStorage>

Storage account names are global across Azure. `${spec.backup.storageAccountName}` is <#if spec.backup.storageAccountNameDerived>derived from the spec alone (name, environment, resource group and region), so a deployment of an equal spec in another subscription may already hold it<#else>`backup.storageAccountName`, and another subscription may already hold it</#if>: the deployment command below checks it first and does not start if it is taken, rather than fail at the storage account once the AKS cluster exists. Then set `backup.storageAccountName` to a name of your own (3-24 lowercase letters and digits) and render again. Never change the name once backups exist: the cluster would write to a new, empty account and the old backups would be left behind where the restore steps do not look.
</#if>
<#if api.publicAccess>

**Warning: the API server is reachable from the whole internet** (`aks.apiServerAccess: public`); only <#if aks.entraId.disableLocalAccounts>Entra ID sign-in protects it<#else>sign-in, including the local certificate accounts, protects it</#if>. List the addresses you run `kubectl` from in `aks.apiServerAuthorizedIpRanges` (up to 200 CIDRs), or make it private with `aks.apiServerAccess: private`.
</#if>

### Prerequisites

- Azure CLI 2.56 or later, signed in (`az login`) to the target subscription, with a current Bicep (`az bicep upgrade`): an older Bicep only warns that it has no types for the API versions used (BCP081) and validates nothing.
- On the resource group: Owner, or Contributor together with User Access Administrator (the deployment creates role assignments).
- Resource providers registered in the subscription: Microsoft.ContainerService, Microsoft.ManagedIdentity, Microsoft.Storage, Microsoft.OperationalInsights, Microsoft.Insights, Microsoft.Monitor, Microsoft.Dashboard<#if prometheus>, Microsoft.AlertsManagement</#if><#if aks.azureContainerStorage>, Microsoft.KubernetesConfiguration</#if> (`az provider register --namespace Microsoft.ContainerService`, and so on for each).
- The region must offer availability zones ${az.zones?join(", ")} for the VM sizes in use.

### Commands

From the directory holding `${L.specFile}`:

```bash
# The deployment goes into an existing resource group.
az group create --name ${sh.quote(az.resourceGroup)} --location ${sh.quote(az.location)}

<#if hasStorage>
<#assign account = sh.quote(spec.backup.storageAccountName)>
# Storage account names are global across Azure: deploy only if the name is free or already this group's (a
# redeploy), rather than fail at the storage account once the AKS cluster exists.
if az storage account show --name ${account} --resource-group ${sh.quote(az.resourceGroup)} --output none 2>/dev/null \
    || [ "$(az storage account check-name --name ${account} --query nameAvailable --output tsv)" = true ]; then
  az deployment group create \
    --resource-group ${sh.quote(az.resourceGroup)} \
    --name ${sh.quote(az.deploymentName)} \
    --template-file ${T}/infra/main.bicep \
    --parameters ${T}/infra/main.bicepparam
else
  echo "Storage account name ${spec.backup.storageAccountName} is taken elsewhere in Azure: set backup.storageAccountName in ${L.specFile} and render again." >&2
  false
fi
<#else>
az deployment group create \
  --resource-group ${sh.quote(az.resourceGroup)} \
  --name ${sh.quote(az.deploymentName)} \
  --template-file ${T}/infra/main.bicep \
  --parameters ${T}/infra/main.bicepparam
</#if>

# Values only Azure knows (the workload identity's client ID), saved beside the spec, outside the tree.
az deployment group show \
  --resource-group ${sh.quote(az.resourceGroup)} \
  --name ${sh.quote(az.deploymentName)} \
  --query properties.outputs > ${sh.quote(L.azureOutputsFile)}

# Render again: pgaks reads ${L.azureOutputsFile} beside the spec by itself.
pgaks render ${sh.quote(L.specFile)} -o ${sh.quote(L.outputDir)}

az aks get-credentials --resource-group ${sh.quote(az.resourceGroup)} --name ${sh.quote(aks.clusterName)}
<#if aks.entraId.enabled>
kubelogin convert-kubeconfig -l azurecli
</#if>
```

Keep `${L.azureOutputsFile}` with the spec (commit it; it holds IDs, no secret): every later `pgaks render` and
`pgaks check` of `${L.specFile}` reads it, so rendering again never puts the placeholder client ID back. Without it,
pgaks refuses to render over a tree that already carries a real client ID.

<#if az.workloadIdentity.known>
This tree was rendered with the deployment's outputs: the Cluster's service account in `${L.treeDir}/k8s/cluster.yaml` carries the workload identity's client ID `${az.workloadIdentity.clientId}`.
<#else>
Until it is rendered with the outputs, `${L.treeDir}/k8s/cluster.yaml` carries the placeholder client ID `${az.workloadIdentity.clientId}` (marked by a comment) in the service account's `azure.workload.identity/client-id` annotation: PostgreSQL would start, but WAL archiving and backups would fail to authenticate. Do not apply `${L.treeDir}/k8s/` before rendering again.
</#if>

The workload identity webhook puts the client ID into a pod only when the pod starts. If it changes after the
instances run (the identity was recreated, or `k8s/` was applied with the placeholder), apply the new tree and restart
the instances, one at a time, primary last:

```bash
kubectl apply -k ${T}/k8s/
kubectl cnpg restart ${sh.quote(spec.postgres.clusterName)} --namespace ${sh.quote(spec.postgres.namespace)}
```

The deployment's outputs are `clusterName`, `oidcIssuerUrl`, `workloadIdentityClientId`<#if hasStorage>, `storageBlobEndpoint`</#if><#if prometheus>, `monitorWorkspaceId`</#if><#if grafana>, `grafanaEndpoint`</#if>.
<#if spec.operations.hasSource()>
<#assign src = spec.operations.source>

Restore: the federated credential follows the Cluster's name, so this deployment adds `${az.federatedCredentialName}` for `${spec.postgres.clusterName}`; the credential `${src.federatedCredentialName}` of the source cluster `${src.cluster}`, if it was deployed by pgaks under the same identity, remains. Delete it once the source cluster is retired (see `runbooks/operations/restore.md`). An identity holds at most 20 federated credentials.
</#if>

Not created here: the guide's static public IP and Network Contributor role for exposing PostgreSQL through a public load balancer.

### Changing the spec later

Render again and run the same `az deployment group create`. It runs in Incremental mode: it creates and updates what
the template declares and deletes nothing the spec no longer declares. Do not use `--mode Complete`: ARM would then
delete every resource of `${az.resourceGroup}` this template does not declare. What a spec change leaves behind is
removed by hand:

<#if hasStorage>
- turning `backup.deleteLock` off leaves the lock in place (and `az group delete` refused): `az lock delete --name ${spec.backup.deleteLock.name} --resource-group ${sh.quote(az.resourceGroup)} --resource-type Microsoft.Storage/storageAccounts --resource ${spec.backup.storageAccountName}`;
</#if>
- an admin dropped from `azure.adminPrincipals` or `monitoring.grafanaAdminPrincipalIds` keeps its role assignments: `az role assignment list --assignee OBJECT_ID --resource-group ${sh.quote(az.resourceGroup)}`, then `az role assignment delete --ids ...`;
- a renamed PostgreSQL cluster (`postgres.clusterName`) leaves its federated credential<#if prometheus> and alert rule groups</#if> (`az identity federated-credential delete`<#if prometheus>, `az alerts-management prometheus-rule-group delete`</#if>, as in `runbooks/operations/decommission.md`);
- a renamed `aks.postgresPool.name` or a zone dropped from `azure.zones` leaves its PostgreSQL node pools: `az aks nodepool delete --resource-group ${sh.quote(az.resourceGroup)} --cluster-name ${sh.quote(aks.clusterName)} --name POOL`, once no instance runs there.

Some settings cannot change once the cluster exists, and AKS refuses a deployment that changes them: the pools' VM
sizes, the system pool's zones (${aks.systemPool.zones?join(", ")}: before adding a zone to or dropping one from `azure.zones`, set
`aks.systemPool.zones` to them), the names the DNS prefix and the node resource group derive from, the network
CIDRs, and a private API server (`pgaks explain` marks each field "fixed after the first deployment").

### Removing the deployment

<#if hasStorage && spec.backup.deleteLock.enabled>
The backup storage account carries the `CanNotDelete` lock `${spec.backup.deleteLock.name}`: while the lock exists, ARM refuses `az group delete` as a whole, and nothing in the group is deleted. Only when the backups may go too, remove the lock first:

```bash
az lock delete --name ${spec.backup.deleteLock.name} --resource-group ${sh.quote(az.resourceGroup)} \
  --resource-type Microsoft.Storage/storageAccounts --resource ${spec.backup.storageAccountName}
az group delete --name ${sh.quote(az.resourceGroup)}
```
<#else>
```bash
az group delete --name ${sh.quote(az.resourceGroup)}
```

<#if hasStorage>This deletes the backup storage account and every backup in it (`backup.deleteLock` is off).<#else>No backup storage account is part of this deployment.</#if>
</#if>

