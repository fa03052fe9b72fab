<#import "../../common/labels.yaml.ftl" as l>
# ${spec.header?no_esc}
# Applied by hand, outside the kustomization. A Backup's spec is immutable: delete the finished one before
# creating it again (see README.md).
apiVersion: postgresql.cnpg.io/v1
kind: Backup
metadata:
  name: ${spec.backup.onDemandBackupName}
  namespace: ${spec.postgres.namespace}
  labels:
<@l.labels indent=4 component="backup"/>
spec:
  cluster:
    name: ${spec.postgres.clusterName}
  method: plugin
  pluginConfiguration:
    name: barman-cloud.cloudnative-pg.io
