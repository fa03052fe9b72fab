<#include "common/names.md.ftl">
<#assign b = p.bootstrap>
<!-- ${spec.header} -->
# Rotating application credentials: `${cluster}`

Passwords live in Secrets only; pgaks never renders them. Run from the directory holding `${L.specFile}`.

## The application owner `${b.owner}`

1. Write a new password into the Secret<#if b.secretProvided> `${b.secretName}` (yours, type `kubernetes.io/basic-auth`)<#else> `${b.secretName}` that CNPG generated</#if>:

   ```bash
   NEW_PASSWORD=$(openssl rand -base64 30 | tr -d '/+=')
   kubectl patch secret ${b.secretName} --namespace ${ns} --type merge \
     -p "{\"stringData\":{\"password\":\"$NEW_PASSWORD\"}}"
   unset NEW_PASSWORD
   ```

2. Set the same password in PostgreSQL, on the primary, reading it from the Secret through standard input (not a
   command-line argument) and without logging the statement:

   ```bash
   <@readPrimary i="   "/>
   kubectl get secret ${b.secretName} --namespace ${ns} -o jsonpath='{.data.password}' | base64 -d \
     | { read -r pw; printf "SET log_statement = 'none';\nALTER ROLE \"%s\" PASSWORD '%s';\n" ${b.owner} "$pw"; } \
     | kubectl exec -i "$PRIMARY" --namespace ${ns} -c postgres -- psql -q -v ON_ERROR_STOP=1
   ```

3. Check that it works as clients connect, through `${p.readWriteService}` with the Secret's values:

   ```bash
   kubectl apply -f - <<'EOF_POD'
   apiVersion: v1
   kind: Pod
   metadata:
     name: ${cluster}-credential-check
     namespace: ${ns}
   spec:
     restartPolicy: Never
     securityContext:
       runAsNonRoot: true
       runAsUser: 26
     containers:
       - name: check
         image: ${p.image}
         command: [psql, -tAc, "SELECT current_user"]
         env:
           - {name: PGHOST, value: ${p.readWriteService}}
           - {name: PGDATABASE, value: ${b.database}}
           - {name: PGSSLMODE, value: require}
           - {name: PGUSER, valueFrom: {secretKeyRef: {name: ${b.secretName}, key: username}}}
           - {name: PGPASSWORD, valueFrom: {secretKeyRef: {name: ${b.secretName}, key: password}}}
   EOF_POD
   kubectl wait pod/${cluster}-credential-check --namespace ${ns} --for=jsonpath='{.status.phase}'=Succeeded --timeout=2m
   kubectl logs ${cluster}-credential-check --namespace ${ns}
   kubectl delete pod ${cluster}-credential-check --namespace ${ns}
   ```

Existing sessions stay connected; new connections need the new password. Restart or reload the clients that read the
Secret<#if p.pooler.enabled> (the pooler `${p.pooler.name}` authenticates through its own user and needs nothing)</#if>.
<#if p.roles?filter(r -> r.passwordSecret?has_content)?has_content>

## Managed roles

Each of these roles takes its password from a Secret; update the Secret as above and CNPG applies it:
<#list p.roles?filter(r -> r.passwordSecret?has_content) as r>
- `${r.name}`: Secret `${r.passwordSecret}`
</#list>
</#if>

## The workload identity

Backups use no password: the pods get Entra ID tokens for `${spec.azure.workloadIdentityName}` through federated
credential `${spec.azure.federatedCredentialName}`. Nothing to rotate; if the identity is recreated, its client ID changes:
render again with the new outputs and restart the instances (README.md, "Azure infrastructure").
