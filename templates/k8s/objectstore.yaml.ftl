<#import "../common/labels.yaml.ftl" as l>
<#import "../common/objectstore.yaml.ftl" as os>
<#assign b = spec.backup>
# ${spec.header?no_esc}
apiVersion: barmancloud.cnpg.io/v1
kind: ObjectStore
metadata:
  name: ${b.objectStoreName}
  namespace: ${spec.postgres.namespace}
  labels:
<@l.labels indent=4 component="backup"/>
spec:
  retentionPolicy: ${b.retention}
<@os.configuration/>
