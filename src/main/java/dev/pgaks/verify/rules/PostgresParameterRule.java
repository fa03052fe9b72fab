package dev.pgaks.verify.rules;

import dev.pgaks.facts.FixedParameters;
import dev.pgaks.facts.PostgresParameters;
import dev.pgaks.verify.rules.LintTree.Manifest;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every parameter of a Cluster against the catalogue of its PostgreSQL major, which CNPG reads from the image tag:
 * a name or value the server refuses stops it from starting.
 */
final class PostgresParameterRule extends ClusterRule {

    private static final Pattern TAG_MAJOR = Pattern.compile(":(\\d+)(?:[.\\-][^/]*)?(?:@.*)?$");

    @Override
    public String id() {
        return "postgres.parameter";
    }

    @Override
    public String source() {
        return "PostgreSQL 13-18 pg_settings and release notes (pgaks resource postgres/parameters.tsv)";
    }

    @Override
    void check(Manifest cluster, List<Finding> findings) {
        int major = major(Values.text(cluster.object(), "spec", "imageName"));
        new TreeMap<>(parameters(cluster)).forEach((name, value) -> {
            if (FixedParameters.NAMES.contains(name)) {
                return; // cnpg.fixed-parameter reports it
            }
            PostgresParameters.catalogue().check(major, name, value == null ? "" : value.toString()).ifPresent(problem ->
                    findings.add(finding(cluster, "spec.postgresql.parameters." + name,
                            problem.message() + " (PostgreSQL " + major + "); " + problem.hint())));
        });
    }

    /** The major of the image tag; without an image name CNPG 1.30 runs its default, PostgreSQL 18. */
    static int major(String imageName) {
        if (imageName != null) {
            Matcher m = TAG_MAJOR.matcher(imageName);
            if (m.find()) {
                int major = Integer.parseInt(m.group(1));
                return Math.max(PostgresParameters.OLDEST_MAJOR, Math.min(PostgresParameters.NEWEST_MAJOR, major));
            }
        }
        return PostgresParameters.NEWEST_MAJOR;
    }
}
