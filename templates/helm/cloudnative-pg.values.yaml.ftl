<#import "../common/system-placement.yaml.ftl" as sp>
<#assign o = spec.postgres.operator>
# ${spec.header?no_esc}
# helm upgrade --install ${item.release?no_esc} ${item.repoName?no_esc}/${item.chart?no_esc} --version ${item.version?no_esc} --namespace ${item.namespace?no_esc} -f ${item.valuesFile?no_esc}
# Two replicas, one leader (the operator uses leader election): a drained or lost system node no longer stops
# reconciliation until the Deployment reschedules.
replicaCount: 2
# Soft spread over system nodes and zones, so that one node or zone loss leaves a replica; soft, so that a
# one-node system pool still schedules both.
topologySpreadConstraints:
<#list ["kubernetes.io/hostname", "topology.kubernetes.io/zone"] as key>
  - maxSkew: 1
    topologyKey: ${key}
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        app.kubernetes.io/name: ${item.chart}
</#list>
image:
  # the operator version chart ${o.chartVersion?no_esc} ships; change both together
  tag: ${o.version}
config:
  clusterWide: true
  # cnpg-controller-manager-config in the operator's own namespace, the only place the operator reads it
  # (at start-up: helm upgrade restarts the operator when it changes)
  data:
<#list o.config as setting>
    ${setting.name}: ${setting.value}
</#list>
<@sp.placement indent=0/>
