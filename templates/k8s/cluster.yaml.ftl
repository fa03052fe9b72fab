<#import "../common/labels.yaml.ftl" as l>
<#assign p = spec.postgres>
# ${spec.header?no_esc}
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: ${p.clusterName}
  namespace: ${p.namespace}
  labels:
<@l.labels indent=4 component="database"/>
spec:
  instances: ${p.instances}
  imageName: ${p.image}
  enableSuperuserAccess: false
  primaryUpdateStrategy: unsupervised
  primaryUpdateMethod: switchover
  smartShutdownTimeout: 30
  # The startup probe's window (CNPG's default, written out): failureThreshold is derived from it, startDelay /
  # periodSeconds. A replica back from a long outage replays archived WAL before it streams; a fixed 10-minute
  # threshold restarted it mid-replay, again and again.
  startDelay: 3600
<#if p.nodeMaintenanceWindow.enabled>
  # Local NVMe: set inProgress to true only while nodes are drained for maintenance; the drained instance is then
  # rebuilt on another node from the primary instead of waiting for its node (see README.md).
  nodeMaintenanceWindow:
    inProgress: ${p.nodeMaintenanceWindow.inProgress?c?no_esc}
    reusePVC: ${p.nodeMaintenanceWindow.reusePvc?c?no_esc}
</#if>
  inheritedMetadata:
<#if p.storage.localNvme()>
    annotations:
      localdisk.csi.acstor.io/accept-ephemeral-storage: "true"
</#if>
    labels:
      azure.workload.identity/use: "true"
  probes:
    startup:
      type: streaming
      maximumLag: 32Mi
      periodSeconds: 5
      timeoutSeconds: 3
    # A replica further behind than this, or not streaming at all (catching up from the archive, or for a while
    # after the primary is lost), leaves the read services and no longer counts for switchover or drains: the
    # guide's 0 made every lagging replica unready (postgres.readinessMaximumLag).
    readiness:
      type: streaming
      maximumLag: ${p.readinessMaximumLag}
      periodSeconds: 10
      failureThreshold: 6
  topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: topology.kubernetes.io/zone
      whenUnsatisfiable: DoNotSchedule
      labelSelector:
        matchLabels:
          cnpg.io/cluster: ${p.clusterName}
  affinity:
    enablePodAntiAffinity: true
    podAntiAffinityType: required
    topologyKey: kubernetes.io/hostname
<#if spec.scope.placesOnPostgresPools()>
    nodeSelector:
      ${spec.aks.postgresPool.nodeLabelKey}: ${spec.aks.postgresPool.nodeLabelValue}
<#if spec.aks.postgresPool.taint?has_content>
    tolerations:
      - key: node-role.kubernetes.io/postgres
        operator: Exists
        effect: NoSchedule
</#if>
</#if>
  resources:
    requests:
      cpu: ${p.resources.cpu}
      memory: ${p.resources.memory}
    limits:
      cpu: ${p.resources.cpu}
      memory: ${p.resources.memory}
  bootstrap:
<#if spec.restore.enabled>
    recovery:
      source: ${spec.restore.sourceCluster}
      database: ${p.bootstrap.database}
      owner: ${p.bootstrap.owner}
<#if p.bootstrap.secretProvided>
      secret:
        name: ${p.bootstrap.secretName}
</#if>
<#if spec.restore.targetTime?has_content>
      recoveryTarget:
        targetTime: ${spec.restore.targetTime}
</#if>
<#else>
    initdb:
      database: ${p.bootstrap.database}
      owner: ${p.bootstrap.owner}
<#if p.bootstrap.secretProvided>
      secret:
        name: ${p.bootstrap.secretName}
</#if>
      dataChecksums: true
</#if>
  storage:
    storageClass: ${p.storage.storageClassName}
    size: ${p.storage.size}
<#if p.storage.walEnabled>
  walStorage:
    storageClass: ${p.storage.storageClassName}
    size: ${p.storage.walSize}
</#if>
  postgresql:
<#if p.synchronous.enabled>
    synchronous:
      method: ${p.synchronous.method.value()}
      number: ${p.synchronous.number}
      dataDurability: ${p.synchronous.dataDurability.value()}
      failoverQuorum: true
</#if>
    parameters:
<#list p.parameters as parameter>
      ${parameter.name}: ${parameter.value}
</#list>
    pg_hba:
<#list p.pgHba as line>
      - ${line}
</#list>
<#if p.roles?has_content>
  managed:
    roles:
<#list p.roles as role>
      - name: ${role.name}
        ensure: present
        login: ${role.login?c?no_esc}
        createdb: ${role.createdb?c?no_esc}
        connectionLimit: ${role.connectionLimit}
<#if role.inRoles?has_content>
        inRoles:
<#list role.inRoles as member>
          - ${member}
</#list>
</#if>
<#if role.passwordSecret?has_content>
        passwordSecret:
          name: ${role.passwordSecret}
</#if>
</#list>
</#if>
  serviceAccountTemplate:
    metadata:
      annotations:
<#if !spec.azure.workloadIdentity.known>
        # placeholder: render again with --azure-outputs after the Azure deployment (see README.md)
</#if>
        azure.workload.identity/client-id: ${spec.azure.workloadIdentity.clientId}
      labels:
        azure.workload.identity/use: "true"
<#if spec.backup.enabled>
  plugins:
    - name: barman-cloud.cloudnative-pg.io
      isWALArchiver: true
      parameters:
        barmanObjectName: ${spec.backup.objectStoreName}
        # a new name at every major upgrade (backup.serverName): a new system identifier must not share the old WAL
        serverName: ${spec.backup.serverName}
</#if>
<#if spec.restore.enabled>
  externalClusters:
    - name: ${spec.restore.sourceCluster}
      plugin:
        name: barman-cloud.cloudnative-pg.io
        parameters:
          barmanObjectName: ${spec.restore.sourceObjectStoreName}
          serverName: ${spec.restore.sourceServerName}
</#if>
  monitoring:
    customQueriesConfigMap:
      - name: ${spec.monitoring.customQueries.configMapName}
        key: ${spec.monitoring.customQueries.key}
