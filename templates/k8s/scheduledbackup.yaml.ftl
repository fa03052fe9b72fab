<#import "../common/labels.yaml.ftl" as l>
# ${spec.header?no_esc}
apiVersion: postgresql.cnpg.io/v1
kind: ScheduledBackup
metadata:
  name: ${spec.backup.scheduledBackupName}
  namespace: ${spec.postgres.namespace}
  labels:
<@l.labels indent=4 component="backup"/>
spec:
  cluster:
    name: ${spec.postgres.clusterName}
  # six fields, seconds first
  schedule: ${spec.backup.schedule}
  # a first base backup right away: until one exists, archived WAL cannot be restored
  immediate: true
  backupOwnerReference: self
  method: plugin
  pluginConfiguration:
    name: barman-cloud.cloudnative-pg.io
