<#assign L = spec.operations.layout>
<#assign T = sh.quote(L.treeDir)>
<!-- ${spec.header} -->
# ${spec.name} (${spec.environment}): highly available PostgreSQL on AKS

A CloudNativePG cluster `${spec.postgres.clusterName}` of ${spec.postgres.instances} PostgreSQL ${spec.postgres.version} instance(s) in namespace `${spec.postgres.namespace}` of AKS cluster `${spec.aks.clusterName}` (${spec.azure.location}, zones ${spec.azure.zones?join(", ")}).
Rendered by pgaks ${spec.pgaksVersion} from `${spec.specFile}`. Change the spec and render again; do not edit these files by hand.

## Where to run the commands

Every command in this README and in `runbooks/` runs from the directory that holds `${L.specFile}`: from there the
tree is `${L.treeDir}/` (rendered with `pgaks render ${sh.quote(L.specFile)} -o ${sh.quote(L.outputDir)}`), and the
deployment's outputs are saved beside the spec in `${L.azureOutputsFile}`, outside the tree, which every render
replaces.

## Prerequisites

- pgaks, to render again after the Azure deployment (`pgaks` below stands for `bin/pgaks` or `java -jar pgaks.jar`).
- Azure CLI 2.56 or later, signed in with `az login` (details under Azure infrastructure).
<#if spec.aks.kubernetesVersion?has_content>
- kubectl within one minor version of Kubernetes ${spec.aks.kubernetesVersion}.
<#else>
- kubectl within one minor version of the cluster's Kubernetes version (`az aks show --resource-group ${sh.quote(spec.azure.resourceGroup)} --name ${sh.quote(spec.aks.clusterName)} --query kubernetesVersion -o tsv`).
</#if>
<#if spec.aks.entraId.enabled>
- kubelogin, for the Entra ID sign-in of kubectl (`az aks install-cli` installs kubectl and kubelogin); after `az aks get-credentials`, run `kubelogin convert-kubeconfig -l azurecli`.
</#if>
- Helm 3.
- The cnpg kubectl plugin of the operator's version ${spec.postgres.operator.version} (`kubectl krew install cnpg`); the runbooks use it.

## Apply order

1. Azure infrastructure (`${L.treeDir}/infra/`), then render again with the deployment's outputs.
2. Helm charts (`${L.treeDir}/helm/`): <#list spec.postgres.operator.releases as r>`${r.chart}`<#sep>, </#list>.
3. Kubernetes manifests (`${L.treeDir}/k8s/`) with `kubectl apply -k ${L.treeDir}/k8s/`.
4. Monitoring (`${L.treeDir}/monitoring/`).

<#include "sections/azure.md.ftl">
<#include "sections/kubernetes.md.ftl">
<#include "sections/monitoring.md.ftl">
