<#import "../common/labels.yaml.ftl" as l>
<#assign q = spec.monitoring.customQueries>
<#-- The CloudNativePG cluster chart 0.8.1 pg_stat_subscription query (templates/monitoring-logical-replication.yaml),
     read by the instance manager through the Cluster's spec.monitoring.customQueriesConfigMap; the logical
     replication alerts need its metrics. One change: pid is 0, not NULL, without a worker, because CNPG exports
     NULL as NaN and NaN == 0 is false, which silenced the "stopped" alerts exactly when the apply worker was gone.
     Two more: pg_subscription is a shared catalog, so without the subdbid filter every database reported every
     subscription under its own datname; and it runs on the primary only, where subscriptions apply (on standbys
     pid is 0 and the lags NULL).
     pgaks_physical_standbys, pgaks_replication_slots and pgaks_connections are pgaks' own, for the HA, synchronous,
     slot and connection alerts. -->
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
      primary: true
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
             , COALESCE(ss.pid, 0) AS pid
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
        WHERE s.subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
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
            description: Process ID of the subscription worker process, 0 without a worker
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

    pgaks_physical_standbys:
      primary: true
      query: |
        SELECT count(*) FILTER (WHERE state = 'streaming') AS streaming
             , count(*) FILTER (WHERE state = 'streaming' AND sync_state IN ('sync', 'quorum')) AS synchronous
        FROM pg_catalog.pg_stat_replication
        WHERE application_name ~ '${q.standbyNamePattern?no_esc}'
      metrics:
        - streaming:
            description: This cluster's standbys streaming from the primary (not logical subscribers or base backups)
            usage: GAUGE
        - synchronous:
            description: Streaming standbys a synchronous commit can wait for (sync_state sync or quorum)
            usage: GAUGE
    pgaks_replication_slots:
      primary: true
      query: |
        SELECT slot_name
             , slot_type
             , COALESCE(wal_status, '') AS wal_status
             , CASE WHEN starts_with(slot_name, '${q.haSlotPrefix?no_esc}') THEN 'true' ELSE 'false' END AS high_availability
             , active
             , CASE WHEN wal_status IN ('unreserved', 'lost') THEN 1 ELSE 0 END AS at_risk
        FROM pg_catalog.pg_replication_slots
        WHERE NOT temporary
      metrics:
        - slot_name:
            description: Name of the replication slot
            usage: LABEL
        - slot_type:
            description: physical or logical
            usage: LABEL
        - wal_status:
            description: reserved, extended, unreserved or lost
            usage: LABEL
        - high_availability:
            description: Whether CloudNativePG manages the slot for one of its standbys
            usage: LABEL
        - active:
            description: Whether a consumer is connected to the slot
            usage: GAUGE
        - at_risk:
            description: 1 when the slot retains more than max_slot_wal_keep_size (unreserved) or lost WAL it needs (lost)
            usage: GAUGE
    pgaks_connections:
      query: |
        SELECT count(*) AS client_backends
        FROM pg_catalog.pg_stat_activity
        WHERE backend_type = 'client backend'
      metrics:
        - client_backends:
            description: Client connections, which max_connections limits (not walsenders or background workers)
            usage: GAUGE
