<#import "../common/labels.yaml.ftl" as l>
<#assign pooler = spec.postgres.pooler>
# ${spec.header?no_esc}
# CNPG creates no PodDisruptionBudget for a Pooler: without one a drain or an autoscaler scale-down may evict every
# PgBouncer pod at once, and each client connection through them with it.
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${pooler.name}
  namespace: ${spec.postgres.namespace}
  labels:
<@l.labels indent=4 component="pooler"/>
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      cnpg.io/poolerName: ${pooler.name}
