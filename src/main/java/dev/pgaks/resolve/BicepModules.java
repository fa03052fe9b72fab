package dev.pgaks.resolve;

/**
 * Which Bicep modules a tree deploys: the one decision {@code main.bicep}, {@code main.bicepparam}, the README and the
 * file plan all follow.
 *
 * @param logs       the Log Analytics workspace: it must exist before the cluster whose agent writes to it, while
 *                   every other monitoring resource refers to the cluster, so it has a module of its own, deployed first
 * @param storage    the backup storage account: for backups, and for a restore, which reads the source cluster's
 *                   backups from the same account even with backups of its own off; a platform has none
 * @param monitoring the Azure Monitor workspace, the metrics pipeline and Grafana
 */
public record BicepModules(boolean logs, boolean storage, boolean monitoring) {

    static BicepModules of(ResolvedAks aks, ResolvedBackup backup, ResolvedRestore restore, ResolvedMonitoring monitoring,
                           TreeScope scope) {
        return new BicepModules(
                aks.containerInsights() || aks.controlPlaneLogs().enabled(),
                scope.rendersDatabase() && (backup.enabled() || restore.enabled()),
                monitoring.azureManagedPrometheus() || monitoring.azureManagedGrafana() || aks.containerInsights());
    }
}
