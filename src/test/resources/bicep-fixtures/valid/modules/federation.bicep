param identityName string
param issuer string
param subjects array

resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

/* One credential per Kubernetes service account; they must be created one at a time. */
@batchSize(1)
resource credentials 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2024-11-30' = [for (subject, i) in subjects: {
  parent: uami
  name: 'fic-${i}'
  properties: {
    issuer: issuer
    subject: subject
    audiences: [ 'api://AzureADTokenExchange' ]
  }
}]
