<#assign az = spec.azure>
<#assign platform = spec.scope.platform>
// ${spec.header?no_esc}
// The spec's values for main.bicep. Change the spec and render again rather than editing this file.
using 'main.bicep'

param location = ${az.location}
param tags = {
<#list az.tags as tag>
  ${tag.key}: ${tag.value}
</#list>
}

param workloadIdentityName = ${az.workloadIdentityName}
param federatedCredentialName = ${az.federatedCredentialName}
param federatedSubject = ${az.federatedSubject}

param clusterName = ${platform.clusterName}
param clusterResourceGroup = ${platform.clusterResourceGroup}
<#if item.modules.storage>

param storageAccountName = ${spec.backup.storageAccountName}
param storageSku = ${spec.backup.storageSku}
param backupContainerName = ${spec.backup.containerName}
param softDeleteDays = ${spec.backup.softDeleteDays}
</#if>
<#if spec.monitoring.azureManagedPrometheus() && spec.scope.rendersMonitoring()>

param monitorWorkspaceName = ${platform.monitorWorkspaceName}
param monitorWorkspaceResourceGroup = ${platform.monitorWorkspaceResourceGroup}
<#if spec.monitoring.hasActionGroup()>
param alertEmail = ${spec.monitoring.alertEmail}
<#elseif platform.hasExistingActionGroup()>
param actionGroupName = ${platform.actionGroupName}
</#if>
</#if>
