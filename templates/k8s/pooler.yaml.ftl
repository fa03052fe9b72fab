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
  # No surge pod in a rollout: each pod's max_db_connections share is sized for exactly this many pods.
  deploymentStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 0
      maxUnavailable: 1
  pgbouncer:
    poolMode: ${pooler.mode}
    parameters:
      max_client_conn: "${pooler.maxClientConnections}"
      default_pool_size: "${pooler.defaultPoolSize}"
      # default_pool_size is per database and user: this caps each pod's share of PostgreSQL's connections
      # however many users go through it.
      max_db_connections: "${pooler.maxDbConnections}"
      client_tls_sslmode: ${pooler.clientTlsSslMode}
    # before CNPG's own md5 rules: SCRAM only
    pg_hba:
<#list pooler.pgHba as line>
      - ${line}
</#list>
  template:
    spec:
      # CNPG fills in the rest of the pgbouncer container (the name must be pgbouncer); with resources the pods are
      # Burstable, not BestEffort, the first evicted under memory pressure on the database nodes.
      containers:
        - name: pgbouncer
          resources:
            requests:
              cpu: ${pooler.resources.cpuRequest}
              memory: ${pooler.resources.memoryRequest}
            limits:
              cpu: ${pooler.resources.cpuLimit}
              memory: ${pooler.resources.memoryLimit}
<#if spec.scope.placesOnPostgresPools()>
      # Beside the instances on the PostgreSQL pools, which span their zones and scale with them; the system pool is
      # sized for the AKS add-ons, the operator, the plugin and cert-manager.
      nodeSelector:
        ${spec.aks.postgresPool.nodeLabelKey}: ${spec.aks.postgresPool.nodeLabelValue}
<#if spec.aks.postgresPool.taint?has_content>
      tolerations:
        - key: node-role.kubernetes.io/postgres
          operator: Exists
          effect: NoSchedule
</#if>
</#if>
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
          # CNPG labels every pooler pod with cnpg.io/poolerName.
          labelSelector:
            matchLabels:
              cnpg.io/poolerName: ${pooler.name}
