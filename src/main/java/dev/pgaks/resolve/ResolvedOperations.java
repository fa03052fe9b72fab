package dev.pgaks.resolve;

import java.util.List;

/**
 * Names and decisions the README and the operations runbooks put into commands.
 *
 * @param layout                  where the spec, the tree and the saved Azure outputs are, seen from the spec's directory
 * @param zeroDataLossFailover    every acknowledged commit is on a standby the failover may promote: synchronous
 *                                replication with {@code dataDurability: required}; otherwise the runbooks never
 *                                promise that a failover loses no data
 * @param drillWriterName         the pod the failover drill writes through the read-write service from
 * @param drillTable              the table it writes its acknowledged IDs into
 * @param restoreClusterName      the name the restore runbook suggests for a cluster recovered from this one, whose
 *                                clients connect to {@code restoreReadWriteService} with the credentials in
 *                                {@code restoreAppSecret}: the spec's existing Secret, else the one CNPG generates
 *                                for the recovered cluster with a new password
 * @param testRestoreClusterName  the throw-away cluster the scheduled test restore recovers into
 * @param nextMajorVersion        the PostgreSQL major a major upgrade goes to from here
 * @param nextMajorServerName     the archive's server name for that major: pg_upgrade starts a new system and
 *                                timeline 1, which must not mix with this major's WAL under the same name
 * @param geoRedundantBackups     the backup storage account keeps a copy in the paired region (GRS, RA-GRS, GZRS,
 *                                RA-GZRS), so a regional outage does not take the backups with it
 * @param source                  for a restore spec, the source cluster's objects to clean up; null otherwise
 */
public record ResolvedOperations(TreeLayout layout, boolean zeroDataLossFailover, String drillWriterName,
                                 String drillTable, String restoreClusterName, String restoreReadWriteService,
                                 String restoreAppSecret, String testRestoreClusterName,
                                 String nextMajorVersion, String nextMajorServerName, boolean geoRedundantBackups,
                                 Source source) {

    /**
     * What a restore leaves of its source once clients moved: named as pgaks named them for the source's spec.
     *
     * @param serverName          the source's folder in the container, which the restore reads
     * @param ruleGroupName       the source's PrometheusRule
     * @param azureRuleGroupNames the source's Azure rule groups, one per alert theme
     */
    public record Source(String cluster, String serverName, String federatedCredentialName, String objectStoreName,
                         String scheduledBackupName, String ruleGroupName, List<String> azureRuleGroupNames) {}

    /** The dashboard file in the tree of the cluster the restore runbook recovers from this one. */
    public String restoreDashboardFile() {
        return ResolvedDashboard.fileFor(restoreClusterName);
    }

    public boolean hasSource() {
        return source != null;
    }
}
