<#assign az = spec.azure>
<#assign aks = spec.aks>
<#assign prometheus = spec.monitoring.prometheus == "azure-managed">
<#assign grafana = spec.monitoring.grafana == "azure-managed">
<#assign hasStorage = paths?seq_contains("infra/modules/storage.bicep")>
## Azure infrastructure (`infra/`)

One Bicep deployment into resource group `${az.resourceGroup}` (${az.location}) creates:

- two user-assigned managed identities: `${az.controlPlaneIdentityName}` for the AKS control plane and `${az.workloadIdentityName}` for PostgreSQL (the guide uses one identity for both; separate ones keep each to the rights it needs);
- AKS cluster `${aks.clusterName}` (${aks.tier} tier, Kubernetes ${aks.kubernetesVersion}, node resource group `${aks.nodeResourceGroup}`): system pool `${aks.systemPool.name}` (${aks.systemPool.vmSize}, ${aks.systemPool.minCount}-${aks.systemPool.maxCount} nodes) and PostgreSQL pool `${aks.postgresPool.name}` (${aks.postgresPool.vmSize}, ${aks.postgresPool.minCount}-${aks.postgresPool.maxCount} nodes, label `${aks.postgresPool.nodeLabelKey}=${aks.postgresPool.nodeLabelValue}`<#if aks.postgresPool.taint?has_content>, taint `${aks.postgresPool.taint}`</#if>), both over zones ${az.zones?join(", ")}; Azure CNI overlay with Cilium dataplane and network policy; OIDC issuer and workload identity<#if aks.entraId.enabled>; Entra ID with Azure RBAC</#if><#if aks.entraId.disableLocalAccounts>, local accounts disabled</#if><#if aks.apiServerAuthorizedIpRanges?has_content>; API server reachable from ${aks.apiServerAuthorizedIpRanges?join(", ")} only</#if>;
- auto-upgrade channel `${aks.upgrades.channel}` and node OS channel `${aks.upgrades.nodeOsChannel}`<#if aks.upgrades.autoUpgradeWindow || aks.upgrades.nodeOsUpgradeWindow>, in a weekly window on ${aks.upgrades.maintenanceDay} from ${aks.upgrades.maintenanceStartTime} UTC for ${aks.upgrades.maintenanceDurationHours} hours</#if>;
<#if aks.azureContainerStorage>
- Azure Container Storage (extension `microsoft.azurecontainerstoragev2`) for the local NVMe volumes;
</#if>
- federated credential `${az.federatedCredentialName}` on `${az.workloadIdentityName}`, trusting the cluster's OIDC issuer for subject `${az.federatedSubject}` (CNPG names the service account after the Cluster);
<#if hasStorage>
- storage account `${spec.backup.storageAccountName}` (${spec.backup.storageSku}, Entra ID only: no shared keys, no public blobs, TLS 1.2) with container `${spec.backup.containerName}`, ${spec.backup.softDeleteDays}-day soft delete of blobs and containers, versioning, a lifecycle rule deleting backup blobs older than ${spec.backup.lifecycleDays} days (a safety net behind the plugin's retention of ${spec.backup.retention}), and Storage Blob Data Contributor on the account for `${az.workloadIdentityName}`;
</#if>
<#if aks.containerInsights>
- Log Analytics workspace `${az.logAnalyticsWorkspaceName}` with Container Insights (data collection rule `${az.dataCollection.containerInsightsRuleName}`);
</#if>
<#if prometheus>
- Azure Monitor workspace `${az.monitorWorkspaceName}` for managed Prometheus, with data collection endpoint `${az.dataCollection.endpointName}` and rule `${az.dataCollection.prometheusRuleName}` associated with the cluster;
- Prometheus rule group `${spec.monitoring.ruleGroupName}` with ${spec.monitoring.alerts?size} alert rules, each linked to its runbook (module `infra/modules/alerts.bicep`)<#if spec.monitoring.hasActionGroup()>, notifying `${spec.monitoring.alertEmail}` through action group `${spec.monitoring.actionGroup.name}`<#else>; no action group, as the spec sets no `monitoring.alertEmail`</#if>;
</#if>
<#if grafana>
- Azure Managed Grafana `${az.grafanaName}` (zone redundant<#if prometheus>, reading the Azure Monitor workspace as itself with Monitoring Data Reader</#if>)<#if spec.monitoring.grafanaAdminPrincipalIds?has_content>, with Grafana Admin for ${spec.monitoring.grafanaAdminPrincipalIds?join(", ")}</#if>.
</#if>

### Prerequisites

- Azure CLI 2.56 or later, signed in (`az login`) to the target subscription, with a current Bicep (`az bicep upgrade`): an older Bicep only warns that it has no types for the API versions used (BCP081) and validates nothing.
- On the resource group: Owner, or Contributor together with User Access Administrator (the deployment creates role assignments).
- Resource providers registered in the subscription: Microsoft.ContainerService, Microsoft.ManagedIdentity, Microsoft.Storage, Microsoft.OperationalInsights, Microsoft.Insights, Microsoft.Monitor, Microsoft.Dashboard<#if prometheus>, Microsoft.AlertsManagement</#if><#if aks.azureContainerStorage>, Microsoft.KubernetesConfiguration</#if> (`az provider register --namespace <name>`).
- The region must offer availability zones ${az.zones?join(", ")} for the VM sizes in use.

### Commands

```bash
# The deployment goes into an existing resource group.
az group create --name ${sh(az.resourceGroup)} --location ${az.location}

az deployment group create \
  --resource-group ${sh(az.resourceGroup)} \
  --name ${az.deploymentName} \
  --template-file infra/main.bicep \
  --parameters infra/main.bicepparam

# Values only Azure knows, e.g. the workload identity's client ID.
az deployment group show \
  --resource-group ${sh(az.resourceGroup)} \
  --name ${az.deploymentName} \
  --query properties.outputs > azure-outputs.json

# Render again with them (same --output as before).
pgaks render ${sh(spec.specFile)} --azure-outputs azure-outputs.json

az aks get-credentials --resource-group ${sh(az.resourceGroup)} --name ${aks.clusterName}
```

<#if az.workloadIdentity.known>
This tree was rendered with the deployment's outputs: the Cluster's service account in `k8s/cluster.yaml` carries the workload identity's client ID `${az.workloadIdentity.clientId}`.
<#else>
Until it is rendered with `--azure-outputs`, `k8s/cluster.yaml` carries the placeholder client ID `${az.workloadIdentity.clientId}` (marked by a comment) in the service account's `azure.workload.identity/client-id` annotation: PostgreSQL would start, but WAL archiving and backups would fail to authenticate. Do not apply `k8s/` before rendering again.
</#if>
The deployment's outputs are `clusterName`, `oidcIssuerUrl`, `workloadIdentityClientId`<#if hasStorage>, `storageBlobEndpoint`</#if><#if prometheus>, `monitorWorkspaceId`</#if><#if grafana>, `grafanaEndpoint`</#if>.
<#if spec.restore.enabled>

Restore: the federated credential follows the Cluster's name, so this deployment adds `${az.federatedCredentialName}` for `${spec.postgres.clusterName}`; the credential of the source cluster `${spec.restore.sourceCluster}`, if it was deployed by pgaks under the same identity, remains. Delete it once the source cluster is retired (`az identity federated-credential list --identity-name ${az.workloadIdentityName} --resource-group ${sh(az.resourceGroup)}`, then `az identity federated-credential delete`). An identity holds at most 20 federated credentials.
</#if>

Not created here: the guide's static public IP and Network Contributor role for exposing PostgreSQL through a public load balancer.

