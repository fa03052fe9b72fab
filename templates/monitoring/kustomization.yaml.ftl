<#-- item: Observability.Kustomization -->
# ${spec.header?no_esc}
# No namespace transformer: the objects live in several namespaces (database, operator, cert-manager, kube-system), each set in its object.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
<#list item.resources as resource>
  - ${resource}
</#list>
<#if item.dashboardFile?has_content>
configMapGenerator:
  - name: ${spec.monitoring.dashboard.configMapName}
    namespace: ${spec.postgres.namespace}
    files:
      - ${item.dashboardFile}
    options:
      disableNameSuffixHash: true
      labels:
        grafana_dashboard: "1"
        app.kubernetes.io/managed-by: pgaks
</#if>
