package dev.pgaks.verify.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every rule of the verify stage, and the ones cheap and settled enough to run on every render. */
public final class Rules {

    private static final Rule RULE_GROUP_SIZE = new RuleGroupSizeRule();

    /** What {@code pgaks lint} runs. */
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
            RULE_GROUP_SIZE,
            new AuthorizedIpRangesRule());

    /**
     * What every render and check runs; a finding there is a pgaks bug (exit 3). The rule-group limit runs in lint
     * only until the rendered alert groups keep it.
     */
    public static final List<Rule> ON_RENDER = ALL.stream().filter(r -> r != RULE_GROUP_SIZE).toList();

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
