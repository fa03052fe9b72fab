<#import "../parameters.bicep.ftl" as p>
// ${spec.header?no_esc}
// Blob Storage for the Barman Cloud plugin's base backups and WAL. Entra ID only: no shared keys, no public blobs;
// the PostgreSQL workload identity is its only writer. Nothing here deletes a current backup: the plugin's retention
// policy decides which base backups and WAL the recovery window still needs and removes only the rest.
<@p.params ["location", "tags", "storageAccountName", "storageSku", "backupContainerName", "softDeleteDays", "workloadPrincipalId"]/>

// Storage Blob Data Contributor: read, write and delete blobs, nothing on the account itself.
var blobDataContributorRoleId = ${spec.azure.roles.storageBlobDataContributor}

resource account 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    // The cluster reaches the account through its outbound public IPs, which Azure picks: a firewall rule cannot
    // name them in advance. Access is Entra ID only, so the open endpoint exposes no key.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      isVersioningEnabled: true
      deleteRetentionPolicy: {
        enabled: true
        days: softDeleteDays
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: softDeleteDays
      }
    }

    resource container 'containers' = {
      name: backupContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }
}

// Only previous versions expire: versioning keeps a copy of every blob the plugin deletes or a person overwrites, and
// without this rule those copies would be paid for forever. A version expired here stays soft-deleted for
// softDeleteDays more. Current blobs have no age limit: an age rule cannot tell a base backup the recovery window
// still needs (with a weekly schedule the one it needs is older than the window) from an obsolete one.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-04-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-previous-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                <#noparse>'${backupContainerName}/'</#noparse>
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: softDeleteDays
                }
              }
            }
          }
        }
      ]
    }
  }
}
<#if spec.backup.deleteLock.enabled>

// Deleting the resource group (az group delete) or the account fails while this lock is on, instead of erasing
// every backup with them. It guards the account, not the blobs: the plugin still removes what its retention allows.
resource keepBackups 'Microsoft.Authorization/locks@2020-05-01' = {
  name: ${spec.backup.deleteLock.name}
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'pgaks: PostgreSQL backups. Remove this lock before deleting the account or its resource group.'
  }
}
</#if>

resource blobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, workloadPrincipalId, blobDataContributorRoleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributorRoleId)
    principalId: workloadPrincipalId
    principalType: 'ServicePrincipal'
    description: 'pgaks: the Barman Cloud plugin writes base backups and WAL'
  }
}

output blobEndpoint string = account.properties.primaryEndpoints.blob
