<#import "../common/labels.yaml.ftl" as l>
<#assign sc = item>
# ${spec.header?no_esc}
<#if sc.retainDisks>
# Retain: deleting a PVC (or the whole Cluster) leaves the Azure disk in the node resource group, to be reattached
# or deleted deliberately; remove released PersistentVolumes and their disks yourself.
<#else>
# Delete: a local NVMe volume lives and dies with its node, so a retained volume could never be reattached elsewhere.
</#if>
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ${sc.name}
  labels:
<@l.labels indent=4 component="storage"/>
provisioner: ${sc.provisioner}
<#if sc.parameters?has_content>
parameters:
<#list sc.parameters as parameter>
  ${parameter.name}: ${parameter.value}
</#list>
</#if>
reclaimPolicy: ${sc.reclaimPolicy}
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: ${sc.allowVolumeExpansion?c?no_esc}
