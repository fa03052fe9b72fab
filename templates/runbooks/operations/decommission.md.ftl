<#include "common/names.md.ftl">
<#assign b = spec.backup>
<!-- ${spec.header} -->
# Decommissioning: `${cluster}`

Removes the cluster and what it leaves behind. Take a final backup and keep it as long as your retention rules
require before step 4. Run from the directory holding `${L.specFile}`.

1. Stop new backups and delete the cluster (its pods and claims; the operator removes the Services and generated Secrets):

   ```bash
<#if b.enabled>
   kubectl delete scheduledbackup ${b.scheduledBackupName} --namespace ${ns} --ignore-not-found
</#if>
<#if p.pooler.enabled>
   kubectl delete pooler ${p.pooler.name} --namespace ${ns} --ignore-not-found
</#if>
   kubectl delete cluster ${cluster} --namespace ${ns}
   kubectl delete -k ${T}/monitoring/ --ignore-not-found
   kubectl delete -k ${T}/k8s/ --ignore-not-found
   ```

<#if spec.scope.isSingle()>
   `kubectl delete -k ${L.treeDir}/k8s/` also deletes the namespace `${ns}` and the StorageClass `${p.storage.storageClassName}`: skip it if
   other workloads share them, and delete the remaining objects of the kustomization one by one.
<#elseif spec.scope.rendersOwnNamespace(ns)>
   `kubectl delete -k ${L.treeDir}/k8s/` also deletes this database's namespace `${ns}`. The StorageClass
   `${p.storage.storageClassName}` is the ${spec.scope.onExistingCluster()?then("cluster's", "platform's")} and stays.
<#else>
   The namespace `${ns}` and the StorageClass `${p.storage.storageClassName}` are the platform's, shared with other
   databases, and stay.
</#if>

2. The volumes:

<@retainedDisks name=cluster/>

<#if spec.scope.isSingle()>
3. Azure: the federated credential<#if spec.monitoring.azureManagedPrometheus()> and the alert rule groups</#if>, or the whole resource group if it holds nothing else:
<#else>
3. Azure: this database's resources alone: its federated credential and workload identity<#if spec.monitoring.azureManagedPrometheus()>, its alert rule groups</#if><#if spec.monitoring.hasActionGroup()> and action group</#if>. The AKS cluster, its node pools and the monitoring workspaces are the ${spec.scope.onExistingCluster()?then("cluster team's", "platform's")} and serve other databases: never delete them from here.
</#if>

   ```bash
   az identity federated-credential delete --name ${spec.azure.federatedCredentialName} \
     --identity-name ${sh.quote(spec.azure.workloadIdentityName)} --resource-group ${rg} --yes
<#if !spec.scope.isSingle()>
   az identity delete --name ${sh.quote(spec.azure.workloadIdentityName)} --resource-group ${rg}
</#if>
<#if spec.monitoring.azureManagedPrometheus()>
<#list spec.monitoring.clusterRuleGroups() as group>
   az alerts-management prometheus-rule-group delete --name ${group.name} --resource-group ${rg}
</#list>
</#if>
<#if !spec.scope.isSingle() && spec.monitoring.hasActionGroup()>
   az monitor action-group delete --name ${spec.monitoring.actionGroup.name} --resource-group ${rg}
</#if>
<#if spec.scope.ownsResourceGroup(spec.azure.resourceGroup)>
<#if b.enabled && b.deleteLock.enabled>
   # Refused as a whole, nothing deleted, while the lock on the storage account exists (step 4).
</#if>
<#if spec.scope.isSingle()>
   # Everything pgaks deployed, the AKS cluster and its node resource group included:
<#else>
   # The group holds this database's resources alone:
</#if>
   az group delete --name ${rg} --yes
</#if>
   ```

<#if b.enabled>
4. The backups in `${b.destinationPath}` are not deleted with the cluster, and with the cluster gone the plugin's
   retention no longer prunes them: they stay until you delete them.
<#if b.deleteLock.enabled>
<#if spec.scope.isSingle()>
   The storage account `${b.storageAccountName}` carries the `CanNotDelete` lock `${b.deleteLock.name}`, so ARM
   refuses the `az group delete` above as a whole while the lock exists: nothing is deleted, the AKS cluster
   included. To keep the backups for now, delete the cluster alone (AKS deletes its node resource group with it):

   ```bash
   az aks delete --name ${aksName} --resource-group ${rg} --yes
   ```

   When the backups may go, lift the lock, then delete the group:

   ```bash
   az lock delete --name ${b.deleteLock.name} --resource-group ${rg} \
     --resource-type Microsoft.Storage/storageAccounts --resource ${b.storageAccountName}
   az group delete --name ${rg} --yes
   ```
<#else>
   The storage account `${b.storageAccountName}` carries the `CanNotDelete` lock `${b.deleteLock.name}`<#if spec.scope.ownsResourceGroup(spec.azure.resourceGroup)>, so ARM
   refuses the `az group delete` above as a whole while the lock exists</#if>. When the backups may go, lift the lock,
   then delete the account:

   ```bash
   az lock delete --name ${b.deleteLock.name} --resource-group ${rg} \
     --resource-type Microsoft.Storage/storageAccounts --resource ${b.storageAccountName}
   az storage account delete --name ${b.storageAccountName} --resource-group ${rg} --yes
<#if spec.scope.ownsResourceGroup(spec.azure.resourceGroup)>
   az group delete --name ${rg} --yes
</#if>
   ```
</#if>
<#elseif spec.scope.ownsResourceGroup(spec.azure.resourceGroup)>
   `az group delete` removes the storage account `${b.storageAccountName}` with them.
<#else>
   When the backups may go, delete the storage account:

   ```bash
   az storage account delete --name ${b.storageAccountName} --resource-group ${rg} --yes
   ```
</#if>
   Deleted blobs stay recoverable for ${b.softDeleteDays} days (soft delete).

</#if>
Finally remove `${L.specFile}`, `${L.azureOutputsFile}` and the tree `${L.treeDir}/` from the repository.
