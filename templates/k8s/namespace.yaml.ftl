<#import "../common/labels.yaml.ftl" as l>
# ${spec.header?no_esc}
apiVersion: v1
kind: Namespace
metadata:
  name: ${item}
  labels:
<@l.labels indent=4 component="database"/>
