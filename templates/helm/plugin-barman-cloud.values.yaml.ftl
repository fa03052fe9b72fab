<#import "../common/system-placement.yaml.ftl" as sp>
# ${spec.header?no_esc}
# helm upgrade --install ${item.release?no_esc} ${item.repoName?no_esc}/${item.chart?no_esc} --version ${item.version?no_esc} --namespace ${item.namespace?no_esc} -f ${item.valuesFile?no_esc}
# Same namespace as the operator, which discovers the plugin there.
crds:
  create: true
<@sp.placement indent=0/>
