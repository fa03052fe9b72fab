<#import "../common/labels.yaml.ftl" as l>
# ${spec.header?no_esc}
apiVersion: postgresql.cnpg.io/v1
kind: Database
metadata:
  name: ${item.resourceName}
  namespace: ${spec.postgres.namespace}
  labels:
<@l.labels indent=4 component="database"/>
spec:
  cluster:
    name: ${spec.postgres.clusterName}
  name: ${item.name}
  owner: ${item.owner}
  encoding: ${item.encoding}
  ensure: present
  # retain: deleting this object leaves the database in PostgreSQL
  databaseReclaimPolicy: retain
<#if item.extensions?has_content>
  extensions:
<#list item.extensions as extension>
    - name: ${extension}
      ensure: present
</#list>
</#if>
