<#import "../parameters.bicep.ftl" as p>
// ${spec.header?no_esc}
// The Log Analytics workspace Container Insights writes container logs to. The agent signs in with its managed
// identity, so the workspace's shared keys are turned off.
<@p.params ["location", "tags", "logAnalyticsWorkspaceName"]/>

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: logAnalyticsWorkspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
      disableLocalAuth: true
    }
  }
}

output workspaceId string = workspace.id
