<#import "../common/labels.yaml.ftl" as l>
<#import "../common/objectstore.yaml.ftl" as os>
# ${spec.header?no_esc}
# Read-only use: the source cluster's backups, which this cluster recovers from. No retentionPolicy, so this
# cluster never deletes the source's backups. The source's folder is the serverName in the Cluster's
# externalClusters: the plugin requires the ObjectStore's own serverName to stay empty.
apiVersion: barmancloud.cnpg.io/v1
kind: ObjectStore
metadata:
  name: ${spec.restore.sourceObjectStoreName}
  namespace: ${spec.postgres.namespace}
  labels:
<@l.labels indent=4 component="backup"/>
spec:
<@os.configuration/>
