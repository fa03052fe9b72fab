<#-- Labels every pgaks-owned Kubernetes object carries; `indent` is the column of the label keys. -->
<#macro labels indent component>
<#local pad = ""?left_pad(indent)>
${pad?no_esc}app.kubernetes.io/component: ${component}
${pad?no_esc}app.kubernetes.io/instance: <#if spec.scope.rendersDatabase()>${spec.postgres.clusterName}<#else>${spec.name}</#if>
${pad?no_esc}app.kubernetes.io/managed-by: pgaks
${pad?no_esc}app.kubernetes.io/part-of: ${spec.name}
</#macro>
