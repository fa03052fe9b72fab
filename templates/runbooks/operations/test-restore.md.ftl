<#include "common/names.md.ftl">
<#assign b = spec.backup>
<#assign test = ops.testRestoreClusterName>
<!-- ${spec.header} -->
# Scheduled test restore: `${cluster}`
<#if !b.enabled>

Backups are disabled in this spec (`backup.enabled: false`): there is nothing to test.
<#else>

A backup is proven only by restoring it. Once a month (and after every change to backups or storage), recover the
latest backup of `${cluster}` into a throw-away single-instance cluster `${test}` in `${ns}`, check it, and delete it.
The test cluster reads the ObjectStore `${b.objectStoreName}` and archives nothing, so the backups are not touched.
Run from the directory holding `${L.specFile}`.

## 1. The latest backup and the recovery window

```bash
kubectl get backups --namespace ${ns} -l cnpg.io/cluster=${cluster} --sort-by=.status.stoppedAt \
  -o custom-columns=NAME:.metadata.name,PHASE:.status.phase,STOPPED:.status.stoppedAt | tail -n 3
kubectl get objectstore ${b.objectStoreName} --namespace ${ns} -o jsonpath='{.status.serverRecoveryWindow}{"\n"}'
```

## 2. Let the test cluster's service account use the identity

```bash
az identity federated-credential create --name fc-${test} \
  --identity-name ${sh.quote(spec.azure.workloadIdentityName)} --resource-group ${rg} \
  --issuer "$(az aks show --resource-group ${aksRg} --name ${aksName} --query oidcIssuerProfile.issuerUrl -o tsv)" \
  --subject system:serviceaccount:${ns}:${test} --audience api://AzureADTokenExchange
CLIENT_ID=$(az identity show --name ${sh.quote(spec.azure.workloadIdentityName)} --resource-group ${rg} --query clientId -o tsv)
```

## 3. Recover into the test cluster

```bash
kubectl apply -f - <<EOF_CLUSTER
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: ${test}
  namespace: ${ns}
spec:
  instances: 1
  imageName: ${p.image}
  enableSuperuserAccess: false
  inheritedMetadata:
    labels:
      azure.workload.identity/use: "true"
  serviceAccountTemplate:
    metadata:
      annotations:
        azure.workload.identity/client-id: "$CLIENT_ID"
<#if spec.scope.placesOnPostgresPools()>
  affinity:
    nodeSelector:
      ${spec.aks.postgresPool.nodeLabelKey}: ${spec.aks.postgresPool.nodeLabelValue}
<#if spec.aks.postgresPool.taint?has_content>
    tolerations:
      - key: node-role.kubernetes.io/postgres
        operator: Exists
        effect: NoSchedule
</#if>
</#if>
  storage:
    storageClass: ${p.storage.storageClassName}
    size: ${p.storage.size}
  bootstrap:
    recovery:
      source: ${cluster}
  externalClusters:
    - name: ${cluster}
      plugin:
        name: barman-cloud.cloudnative-pg.io
        parameters:
          barmanObjectName: ${b.objectStoreName}
          serverName: ${b.serverName}
EOF_CLUSTER
kubectl wait cluster/${test} --namespace ${ns} --for=condition=Ready --timeout=60m
```

## 4. Check it

The recovery replayed the archived WAL to its end and promoted the instance; compare with the source:

```bash
kubectl cnpg psql ${test} --namespace ${ns} -- ${p.bootstrap.database} -c 'SELECT pg_is_in_recovery(), now()'
kubectl cnpg psql ${test} --namespace ${ns} -- ${p.bootstrap.database} -tA -c 'SELECT count(*) FROM pg_stat_user_tables'
kubectl cnpg psql ${cluster} --namespace ${ns} -- ${p.bootstrap.database} -tA -c 'SELECT count(*) FROM pg_stat_user_tables'
<#if p.sampleData.enabled>
kubectl cnpg psql ${test} --namespace ${ns} -- ${p.bootstrap.database} -c 'SELECT count(*) FROM datasample'
</#if>
```

Record the time from step 3 to Ready: it is the restore time a real recovery of `${cluster}` takes.

## 5. Delete the test cluster and what it leaves

```bash
kubectl delete cluster ${test} --namespace ${ns}
az identity federated-credential delete --name fc-${test} \
  --identity-name ${sh.quote(spec.azure.workloadIdentityName)} --resource-group ${rg} --yes
```

<@retainedDisks name=test/>
</#if>
