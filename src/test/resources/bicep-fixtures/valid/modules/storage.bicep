param location string
@minLength(3)
@maxLength(24)
param accountName string
param principalId string
param tags object
param enableVersioning bool = true

// Storage Blob Data Contributor
var blobContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource account 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blob 'blobServices' = {
    name: 'default'
    properties: {
      isVersioningEnabled: enableVersioning
      deleteRetentionPolicy: {
        enabled: true
        days: 7
      }
    }

    resource backups 'containers' = {
      name: 'pg-backups'
      properties: {
        publicAccess: 'None'
      }
    }
  }
}

resource blobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, blobContributorRoleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobContributorRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: 'pgaks: barman-cloud writes base backups and WAL to \'${accountName}\''
  }
}

output accountName string = account.name
output containerName string = account::blob::backups.name
