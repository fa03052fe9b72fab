package dev.pgaks.verify.rules;

import dev.pgaks.facts.AzureLimits;
import dev.pgaks.verify.rules.LintTree.BicepFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AKS accepts at most 200 API server authorized IP ranges. The ranges are counted where the managed cluster's
 * {@code apiServerAccessProfile.authorizedIPRanges} is a literal array, or, when it names a parameter, in the
 * {@code param NAME = [...]} of the tree's .bicepparam files (or the parameter's default).
 */
final class AuthorizedIpRangesRule implements Rule {

    static final int MAX_RANGES = AzureLimits.API_SERVER_AUTHORIZED_RANGES;

    @Override
    public String id() {
        return "aks.authorized-ip-ranges";
    }

    @Override
    public String source() {
        return "AKS documentation, api-server-authorized-ip-ranges.md, Limitations: up to 200 authorized IP ranges";
    }

    @Override
    public List<Finding> check(LintTree tree) {
        List<Finding> findings = new ArrayList<>();
        for (BicepFile file : tree.bicep()) {
            if (!file.mayDeclare("Microsoft.ContainerService/managedClusters")) {
                continue;
            }
            BicepOutline outline = file.outline();
            for (BicepOutline.Resource resource : outline.resources()) {
                if (!resource.type().equals("Microsoft.ContainerService/managedClusters")) {
                    continue;
                }
                Optional<Integer> value = outline.property(resource.open(), "properties", "apiServerAccessProfile", "authorizedIPRanges");
                if (value.isEmpty()) {
                    continue;
                }
                String where = file.file();
                Optional<Integer> count = outline.countItems(value.get());
                if (count.isEmpty() && outline.token(value.get()).kind() == BicepOutline.Kind.WORD) {
                    String parameter = outline.token(value.get()).text();
                    for (BicepFile other : tree.bicep()) {
                        BicepOutline candidate = other.outline();
                        Optional<Integer> counted = candidate.paramArray(parameter).flatMap(candidate::countItems);
                        if (counted.isPresent() && (count.isEmpty() || other.file().endsWith(".bicepparam"))) {
                            count = counted;
                            where = other.file();
                        }
                    }
                }
                int ranges = count.orElse(0);
                if (ranges > MAX_RANGES) {
                    findings.add(new Finding(where, resource.type() + "/" + resource.symbol(),
                            "properties.apiServerAccessProfile.authorizedIPRanges", id(),
                            ranges + " authorized IP ranges, AKS accepts at most " + MAX_RANGES
                                    + " (API server VNet integration allows more)", source()));
                }
            }
        }
        return findings;
    }
}
