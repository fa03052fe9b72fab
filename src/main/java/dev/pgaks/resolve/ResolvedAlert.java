package dev.pgaks.resolve;

/** One alert of the catalog with every placeholder substituted; runbook fields are markdown. */
public record ResolvedAlert(String name, String severity, String forDuration, String expr, String summary, String description,
                            String runbookMeaning, String runbookImpact, String runbookDiagnosis, String runbookMitigation) {
}
