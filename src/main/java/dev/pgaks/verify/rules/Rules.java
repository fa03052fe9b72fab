package dev.pgaks.verify.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every rule of the verify stage: cheap enough that every render and check runs them all (a finding there is a pgaks bug). */
public final class Rules {

    /** What every render, check and {@code pgaks lint} runs; lint adds the CRD schema validation. */
    public static final List<Rule> ALL = List.of(
            new InstancesRule(),
            new StorageSizeRule(),
            new WalSizeRule(),
            new FixedParameterRule(),
            new PostgresParameterRule(),
            new ReplicationParametersRule(),
            new SynchronousReplicasRule(),
            new PoolerRule(),
            new ClusterReferenceRule(),
            new PoolSizeRule(),
            new RuleGroupSizeRule(),
            new AuthorizedIpRangesRule());

    private Rules() {}

    public static List<Finding> run(LintTree tree, List<Rule> rules) {
        List<Finding> findings = new ArrayList<>(tree.unreadable());
        for (Rule rule : rules) {
            findings.addAll(rule.check(tree));
        }
        findings.sort(Comparator.comparing(Finding::file).thenComparing(Finding::rule).thenComparing(Finding::field));
        return findings;
    }
}
