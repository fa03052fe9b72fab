<#include "common/names.md.ftl">
<#assign clusters = spec.scope.watchedClusters(p)>
<!-- ${spec.header} -->
# Upgrading the operator, the Barman Cloud plugin and cert-manager

Pinned now:<#list p.operator.releases as r> `${r.chart}` chart ${r.version} (release `${r.release}` in `${r.namespace}`)<#sep>;</#list>; the operator is
CloudNativePG ${p.operator.version}. Upgrade them through the spec, never with a bare `helm upgrade`: the pins are in
`postgres.operator` and `backup.pluginChartVersion`, and the next render would put the old versions back. Run from the
directory holding `${L.specFile}`.

Upgrade in the install order of step 3: cert-manager, where installed, first (the plugin's certificates depend on it),
then the operator, then the plugin (each plugin release supports a range of operator versions: check its release
notes).
<#if spec.scope.isPlatform()>
Upgrading the operator restarts the instance manager in every pod of every cluster it manages (a rolling update, the
primary last, by switchover), so do it in a quiet period and one minor version at a time.

1. Check every cluster is healthy and has a recent backup:

   ```bash
   kubectl get clusters.postgresql.cnpg.io --all-namespaces
<#list clusters as c>
   kubectl cnpg status ${c.name} --namespace ${c.namespace}
</#list>
   ```
<#else>
Upgrading the operator restarts the instance manager in every pod of `${cluster}` (a rolling update, the primary last,
by switchover), so do it in a quiet period and one minor version at a time.

1. Check the cluster is healthy and a recent backup exists:

   ```bash
   kubectl cnpg status ${cluster} --namespace ${ns}
   ```
</#if>

2. Set the new versions in `${L.specFile}`, render and review the diff:

   ```bash
   pgaks render<#list spec.scope.renderedWith(L.specFile) as f> ${sh.quote(f)}</#list> -o ${sh.quote(L.outputDir)}
   git diff -- ${T}/helm/
   ```

3. Upgrade each release in order, waiting for each:

   ```bash
   helm repo update
<#list p.operator.releases as r>
   helm upgrade ${r.release} ${r.repoName}/${r.chart} --version ${r.version} \
     --namespace ${r.namespace} -f ${T}/${r.valuesFile} --wait
</#list>
   kubectl rollout status deployment/${operatorRelease.deploymentName()} --namespace ${p.operatorNamespace}
   ```

   (The versions shown are this tree's; after step 2 they are the new ones.) Helm does not upgrade CRDs of an
   installed chart unless the chart does it itself; the CloudNativePG chart ships its CRDs as templates, so they are
   upgraded with it.

4. Update the cnpg kubectl plugin to the same version as the operator (`kubectl krew upgrade cnpg`), then follow the
   rolling update of the instance managers:

   ```bash
<#if spec.scope.isPlatform()>
   kubectl get pods --all-namespaces -l cnpg.io/cluster --watch
<#list clusters as c>
   kubectl cnpg status ${c.name} --namespace ${c.namespace}
</#list>
<#else>
   kubectl get pods --namespace ${ns} -l cnpg.io/cluster=${cluster} --watch
   kubectl cnpg status ${cluster} --namespace ${ns}
</#if>
   ```

If the operator does not become ready, roll it back with `helm rollback ${operatorRelease.release} --namespace ${p.operatorNamespace}`
and render the old versions again.
