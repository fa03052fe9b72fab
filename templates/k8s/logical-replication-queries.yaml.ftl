<#import "../common/labels.yaml.ftl" as l>
<#assign q = spec.monitoring.customQueries>
<#-- The CloudNativePG cluster chart 0.8.1 pg_stat_subscription query (templates/monitoring-logical-replication.yaml),
     read by the instance manager through the Cluster's spec.monitoring.customQueriesConfigMap; the logical
     replication alerts need its metrics. -->
# ${spec.header?no_esc}
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${q.configMapName}
  namespace: ${spec.postgres.namespace}
  labels:
<@l.labels indent=4 component="monitoring"/>
    cnpg.io/cluster: ${spec.postgres.clusterName}
    cnpg.io/reload: "true"
data:
  ${q.key}: |
    pg_stat_subscription:
      query: |
        SELECT current_database() AS datname
             , s.oid AS subid
             , s.subname AS subname
             , subenabled AS enabled
<#if q.workerType>
             , worker_type
</#if>
             , relid
             , pg_wal_lsn_diff(received_lsn, '0/0') AS received_lsn
             , last_msg_send_time
             , last_msg_receipt_time
             , pg_wal_lsn_diff(latest_end_lsn, '0/0') AS latest_end_lsn
             , latest_end_time
<#if q.subscriptionStats>
             , apply_error_count
             , sync_error_count
             , stats_reset
</#if>
             , ss.pid
             , CASE
                 WHEN received_lsn IS NOT NULL AND latest_end_lsn IS NOT NULL
                 THEN GREATEST(0, pg_wal_lsn_diff(received_lsn, latest_end_lsn))
                 ELSE NULL
               END AS buffered_lag_bytes
             , CASE
                 WHEN last_msg_receipt_time IS NOT NULL
                 THEN EXTRACT(EPOCH FROM (NOW() - last_msg_receipt_time))
                 ELSE NULL
               END AS receipt_lag_seconds
             , CASE
                 WHEN latest_end_time IS NOT NULL
                 THEN EXTRACT(EPOCH FROM (NOW() - latest_end_time))
                 ELSE NULL
               END AS apply_lag_seconds
        FROM pg_subscription s
        LEFT JOIN pg_stat_subscription ss ON s.oid = ss.subid
<#if q.subscriptionStats>
        LEFT JOIN pg_stat_subscription_stats sss ON s.oid = sss.subid
</#if>
        ;
      target_databases: ["*"]
      metrics:
        - datname:
            description: Name of the database
            usage: LABEL
        - subid:
            description: ID of the subscription
            usage: LABEL
        - subname:
            description: Name of the subscription
            usage: LABEL
<#if q.workerType>
        - worker_type:
            description: Type of the worker
            usage: LABEL
</#if>
        - relid:
            description: OID of the relation
            usage: LABEL
        - received_lsn:
            description: Last written LSN received from the publisher
            usage: GAUGE
        - last_msg_send_time:
            description: Timestamp of the last message sent
            usage: GAUGE
        - last_msg_receipt_time:
            description: Timestamp of the last message receipt
            usage: GAUGE
        - latest_end_lsn:
            description: Latest end LSN received
            usage: GAUGE
        - latest_end_time:
            description: Timestamp of the latest end LSN processed
            usage: GAUGE
        - enabled:
            description: Subscription status (enabled/disabled)
            usage: GAUGE
<#if q.subscriptionStats>
        - apply_error_count:
            description: Number of times an error occurred while applying changes
            usage: GAUGE
        - sync_error_count:
            description: Number of times an error occurred during the initial table synchronization
            usage: GAUGE
        - stats_reset:
            description: Time at which these statistics were last reset
            usage: GAUGE
</#if>
        - pid:
            description: Process ID of the subscription worker process
            usage: GAUGE
        - buffered_lag_bytes:
            description: Bytes buffered but not yet applied (received_lsn - latest_end_lsn)
            usage: GAUGE
        - receipt_lag_seconds:
            description: Seconds since last message receipt
            usage: GAUGE
        - apply_lag_seconds:
            description: Seconds since last apply operation
            usage: GAUGE
