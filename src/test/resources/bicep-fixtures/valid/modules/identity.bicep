param location string
@minLength(3)
@maxLength(128)
param name string
param tags object = {}

resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output name string = uami.name
output principalId string = uami.properties.principalId
output clientId string = uami.properties.clientId
