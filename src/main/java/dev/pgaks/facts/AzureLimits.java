package dev.pgaks.facts;

/**
 * Service limits the resource providers enforce and the type definitions do not show (reference
 * azure-types/facts.md §8): resolve keeps the rendered output inside them and the verify rules check it.
 */
public final class AzureLimits {

    /** Rules in one {@code Microsoft.AlertsManagement/prometheusRuleGroups}; the limit cannot be raised. */
    public static final int RULES_PER_PROMETHEUS_RULE_GROUP = 20;

    /** CIDRs in an AKS cluster's {@code apiServerAccessProfile.authorizedIPRanges}. */
    public static final int API_SERVER_AUTHORIZED_RANGES = 200;

    private AzureLimits() {}
}
