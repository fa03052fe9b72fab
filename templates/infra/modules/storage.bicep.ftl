// ${spec.header?no_esc}
// Blob Storage for the Barman Cloud plugin's base backups and WAL. Entra ID only: no shared keys, no public blobs;
// the PostgreSQL workload identity is its only writer.

@description('Azure region of the storage account.')
param location string

@description('Tags set on every taggable resource.')
param tags object

@description('Storage account name: globally unique, 3-24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Storage account redundancy; zone-redundant keeps backups readable when a zone is down.')
@allowed([
  'Standard_ZRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
  'Standard_LRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSku string

@description('Blob container the backups go to.')
@minLength(3)
@maxLength(63)
param containerName string

@description('Days a deleted blob or container stays recoverable.')
@minValue(1)
@maxValue(365)
param softDeleteDays int

@description('Days after which the lifecycle rule deletes backup blobs and their versions; never shorter than the backup retention.')
@minValue(1)
param lifecycleDays int

@description('Object ID of the PostgreSQL workload identity.')
param workloadPrincipalId string

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
      name: containerName
      properties: {
        publicAccess: 'None'
      }
    }
  }
}

// A safety net behind the plugin's own retention policy: blobs it failed to delete (for example after the cluster
// was removed) do not accumulate forever. Versions go too, or every deleted blob would stay as a previous version.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-04-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-backups'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                <#noparse>'${containerName}/'</#noparse>
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: lifecycleDays
                }
              }
              version: {
                delete: {
                  daysAfterCreationGreaterThan: lifecycleDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

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
