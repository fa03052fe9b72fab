# ${spec.header?no_esc}
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
<#list item as resource>
  - ${resource}
</#list>
