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
      client_tls_sslmode: ${pooler.clientTlsSslMode}
    # before CNPG's own md5 rules: SCRAM only
    pg_hba:
<#list pooler.pgHba as line>
      - ${line}
</#list>
  template:
    spec:
      # CNPG fills in the pgbouncer container; the pod template schema requires the list.
      containers: []
      # Beside the instances on the PostgreSQL pool, which spans their zones and scales with them; the system pool
      # is for AKS add-ons and may refuse other pods (CriticalAddonsOnly).
      nodeSelector:
        ${spec.aks.postgresPool.nodeLabelKey}: ${spec.aks.postgresPool.nodeLabelValue}
<#if spec.aks.postgresPool.taint?has_content>
      tolerations:
        - key: node-role.kubernetes.io/postgres
          operator: Exists
          effect: NoSchedule
</#if>
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
          # CNPG labels every pooler pod with cnpg.io/poolerName.
          labelSelector:
            matchLabels:
              cnpg.io/poolerName: ${pooler.name}
