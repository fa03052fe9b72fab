package dev.pgaks.bicep;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Azure naming rules (learn.microsoft.com "Naming rules and restrictions for Azure resources") for the resource
 * types pgaks names itself. They are stricter than, or absent from, the bicep-types data, e.g. the blob container
 * ban on consecutive hyphens.
 */
final class AzureNamingRules {

    /** {@code maxLength} 0 means the rule sets no upper bound. */
    record Rule(String what, int minLength, int maxLength, Pattern pattern, String description) {
        boolean accepts(String name) {
            return name.length() >= minLength && (maxLength == 0 || name.length() <= maxLength)
                    && pattern.matcher(name).matches();
        }
    }

    private static final Map<String, Rule> RULES = Map.of(
            "microsoft.storage/storageaccounts", new Rule("storage account", 3, 24,
                    Pattern.compile("[a-z0-9]+"), "3-24 lowercase letters and digits"),
            "microsoft.containerservice/managedclusters", new Rule("managed cluster", 1, 63,
                    Pattern.compile("[a-zA-Z0-9]|[a-zA-Z0-9][-_a-zA-Z0-9]*[a-zA-Z0-9]"),
                    "1-63 alphanumerics, '-' and '_', starting and ending alphanumeric"),
            "microsoft.managedidentity/userassignedidentities", new Rule("user-assigned identity", 3, 128,
                    Pattern.compile("[a-zA-Z0-9][-_a-zA-Z0-9]*"),
                    "3-128 alphanumerics, '-' and '_', starting alphanumeric"),
            "microsoft.storage/storageaccounts/blobservices/containers", new Rule("blob container", 3, 63,
                    Pattern.compile("[a-z0-9](?!.*--)[-a-z0-9]*[a-z0-9]"),
                    "3-63 lowercase letters, digits and single hyphens, starting and ending alphanumeric"),
            // No length rule for Azure Monitor workspaces in the type data or the reference; the pattern is the type's.
            "microsoft.monitor/accounts", new Rule("Azure Monitor workspace", 2, 0,
                    Pattern.compile("(?!-)[a-zA-Z0-9-]+[^-]"),
                    "alphanumerics and hyphens, not starting or ending with a hyphen"),
            "microsoft.dashboard/grafana", new Rule("Grafana workspace", 2, 23,
                    Pattern.compile("[a-zA-Z][-a-zA-Z0-9]*[a-zA-Z0-9]"),
                    "2-23 alphanumerics and hyphens, starting with a letter and ending alphanumeric"));

    private AzureNamingRules() {
    }

    static Optional<Rule> forType(String resourceType) {
        return Optional.ofNullable(RULES.get(resourceType.toLowerCase(Locale.ROOT)));
    }

    /** ARM wants a GUID; Bicep templates get a stable one from {@code guid(...)}. */
    static boolean requiresGuidCall(String resourceType) {
        return resourceType.equalsIgnoreCase("Microsoft.Authorization/roleAssignments");
    }
}
