// Minimal pgaks-like layout: storage for backups, workload identity, AKS.
targetScope = 'resourceGroup'

@description('Azure region for all resources.')
param location string = resourceGroup().location

@description('Prefix of every resource name.')
@minLength(3)
@maxLength(12)
param prefix string

@minLength(3)
@maxLength(24)
param storageAccountName string = 'pgaksbackup01'

@allowed([
  'Free'
  'Standard'
])
param aksTier string = 'Standard'

@description('Kubernetes namespace of the CloudNativePG cluster.')
param namespace string = 'pg'

var tags = {
  app: 'pgaks'
  'managed-by': 'pgaks'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: '${prefix}-pg-backup'
    tags: tags
  }
}

module aks 'modules/aks.bicep' = {
  name: 'aks'
  params: { location: location, clusterName: '${prefix}-aks', tier: aksTier, tags: tags }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    accountName: storageAccountName
    principalId: identity.outputs.principalId
    tags: tags
  }
}

module federation 'modules/federation.bicep' = {
  name: 'federation'
  params: {
    identityName: identity.outputs.name
    issuer: aks.outputs.oidcIssuerUrl
    subjects: [
      'system:serviceaccount:${namespace}:pg-cluster'
      'system:serviceaccount:${namespace}:pg-backup'
    ]
  }
}

output storageAccountName string = storage.outputs.accountName
output clientId string = identity.outputs.clientId
