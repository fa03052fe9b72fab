<#import "../common/labels.yaml.ftl" as l>
<#assign pooler = spec.postgres.pooler>
# ${spec.header?no_esc}
apiVersion: postgresql.cnpg.io/v1
kind: Pooler
metadata:
  name: ${pooler.name}
  namespace: ${spec.postgres.namespace}
  labels:
<@l.labels indent=4 component="pooler"/>
spec:
  cluster:
    name: ${spec.postgres.clusterName}
  instances: ${pooler.instances}
  type: rw
  pgbouncer:
    poolMode: ${pooler.mode}
    parameters:
      max_client_conn: "${pooler.maxClientConnections}"
      default_pool_size: "${pooler.defaultPoolSize}"
  template:
    spec:
      # CNPG fills in the pgbouncer container; the pod template schema requires the list.
      containers: []
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
          # CNPG labels every pooler pod with cnpg.io/poolerName.
          labelSelector:
            matchLabels:
              cnpg.io/poolerName: ${pooler.name}
