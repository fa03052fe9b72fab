<#import "../common/labels.yaml.ftl" as l>
# ${spec.header?no_esc}
apiVersion: v1
kind: Namespace
metadata:
  name: ${spec.postgres.namespace}
  labels:
<@l.labels indent=4 component="database"/>
