<!-- ${spec.header} -->
# ${spec.name} (${spec.environment}): highly available PostgreSQL on AKS

A CloudNativePG cluster `${spec.postgres.clusterName}` of ${spec.postgres.instances} PostgreSQL ${spec.postgres.version} instance(s) in namespace `${spec.postgres.namespace}` of AKS cluster `${spec.aks.clusterName}` (${spec.azure.location}, zones ${spec.azure.zones?join(", ")}).
Rendered by pgaks ${spec.pgaksVersion} from `${spec.specFile}`. Change the spec and render again; do not edit these files by hand.

## Apply order

1. Azure infrastructure (`infra/`), then render again with the deployment's outputs.
2. Helm charts (`helm/`): cert-manager, the CloudNativePG operator, the Barman Cloud plugin.
3. Kubernetes manifests (`k8s/`) with `kubectl apply -k k8s/`.
4. Monitoring (`monitoring/`).

<#include "sections/azure.md.ftl">
<#include "sections/kubernetes.md.ftl">
<#include "sections/monitoring.md.ftl">
