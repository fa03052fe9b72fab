<#-- nodeSelector and tolerations that keep an add-on on the AKS system pool; `indent` is the column of the keys. -->
<#macro placement indent>
<#local pad = ""?left_pad(indent)>
<#local s = spec.postgres.operator.placement>
${pad?no_esc}nodeSelector:
${pad?no_esc}  ${s.nodeLabelKey}: ${s.nodeLabelValue}
${pad?no_esc}tolerations:
${pad?no_esc}  - key: ${s.tolerationKey}
${pad?no_esc}    operator: Exists
${pad?no_esc}    effect: NoSchedule
</#macro>
