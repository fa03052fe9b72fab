<#assign p = spec.postgres>
<!-- ${spec.header} -->
# Restore: point-in-time recovery into a new cluster
<#if !spec.backup.enabled>

Backups are disabled in this spec (`backup.enabled: false`): there is nothing to restore from. Enable them first.
</#if>

Recovery never overwrites `${p.clusterName}`: it builds a new cluster from the backups in
`${spec.backup.destinationPath}` (server name `${p.clusterName}`), then you move clients over.
<#if spec.restore.enabled>

This spec is itself a restore: `${p.clusterName}` recovers from `${spec.restore.sourceCluster}`<#if spec.restore.targetTime?has_content> up to ${spec.restore.targetTime}</#if>.
</#if>

1. Check what can be recovered: the first point of recoverability and the last archived WAL.

   ```bash
   kubectl cnpg status ${p.clusterName} --namespace ${p.namespace}
   ```

2. Copy the spec and change it (the new cluster needs a new name; the backups stay where they are):

   ```yaml
   postgres:
     clusterName: ${p.clusterName}-restored
   restore:
     enabled: true
     sourceCluster: ${p.clusterName}
     targetTime: "2026-11-20T10:00:00Z"   # RFC 3339, inside the ${spec.backup.retention} retention; omit for the latest
   ```

3. The new cluster has its own service account, so workload identity needs a second federated credential on
   `${spec.azure.workloadIdentityName}` with subject `system:serviceaccount:${p.namespace}:${p.clusterName}-restored`.
   Deploying `infra/` rendered from the new spec creates it; by hand:

   ```bash
   az identity federated-credential create --name fc-${p.clusterName}-restored \
     --identity-name ${spec.azure.workloadIdentityName} --resource-group ${sh(spec.azure.resourceGroup)} \
     --issuer "$(az aks show --resource-group ${sh(spec.azure.resourceGroup)} --name ${spec.aks.clusterName} --query oidcIssuerProfile.issuerUrl -o tsv)" \
     --subject system:serviceaccount:${p.namespace}:${p.clusterName}-restored --audience api://AzureADTokenExchange
   ```

4. Render the new spec with the Azure outputs and apply its `k8s/` (`kubectl apply -k k8s/`). The recovered cluster
   pins the same PostgreSQL image as the source (a restore across major versions fails), and archives to the same
   container under its own server name, so the source's backups are never touched.

5. Verify the data (for example the sample dataset: `SELECT COUNT(*) FROM datasample;` returns 3), then point
   clients at `${p.clusterName}-restored-rw`.

6. Clean up when done: `kubectl delete cluster <old name> --namespace ${p.namespace}` (not `kubectl cnpg destroy`,
   which removes one instance and leaves the Cluster), and delete the federated credential no longer used.
