<#import "../common/system-placement.yaml.ftl" as sp>
# ${spec.header?no_esc}
# helm upgrade --install ${item.release?no_esc} ${item.repoName?no_esc}/${item.chart?no_esc} --version ${item.version?no_esc} --namespace ${item.namespace?no_esc} -f ${item.valuesFile?no_esc}
# The Barman Cloud plugin needs cert-manager for the TLS between the operator and the plugin.
crds:
  enabled: true
<@sp.placement indent=0/>
webhook:
<@sp.placement indent=2/>
cainjector:
<@sp.placement indent=2/>
startupapicheck:
<@sp.placement indent=2/>
