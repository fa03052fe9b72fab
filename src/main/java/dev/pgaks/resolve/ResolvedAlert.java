package dev.pgaks.resolve;

import java.util.List;

/**
 * One alert of the catalog with every placeholder substituted; runbook fields are markdown.
 *
 * @param group            the catalog's theme ({@code availability}, {@code capacity}, ...); alerts of one theme share
 *                         a rule group
 * @param labels           static labels besides {@code severity}: the namespace and CNPG cluster the alert is about
 *                         (only the namespace for operator alerts), so routing does not depend on the query's output
 * @param runbookFile      where the runbook is rendered, relative to the output root
 * @param runbookUrl       the {@code runbook_url} annotation: {@code monitoring.runbookBaseUrl} + file name, or
 *                         {@link #runbookFile} when no base URL is given
 * @param azureSeverity    Azure Monitor severity 0-4 for {@code prometheusRuleGroups}
 * @param azureForDuration {@link #forDuration} as ISO 8601 ({@code PT5M}); empty for a zero duration, which Azure
 *                         rule groups express by leaving {@code for} out
 */
public record ResolvedAlert(String name, String group, String severity, List<ResolvedMonitoring.Label> labels,
                            String forDuration, String expr, String summary, String description,
                            String runbookMeaning, String runbookImpact, String runbookDiagnosis, String runbookMitigation,
                            String runbookFile, String runbookUrl, int azureSeverity, String azureForDuration) {

    /** An alert about the operator, shared by every cluster it manages, and so about none of them in particular. */
    public boolean operatorWide() {
        return group.equals(AlertCatalog.OPERATOR_GROUP);
    }
}
