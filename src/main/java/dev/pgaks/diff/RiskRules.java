package dev.pgaks.diff;

import dev.pgaks.diff.ObjectChange.FieldChange;
import dev.pgaks.diff.ObjectChange.Op;
import dev.pgaks.facts.Quantities;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changes that lose data, break a deployment or weaken the cluster, each a small named rule with the one line a
 * reviewer needs. A rule sees one object change and one of its fields ({@code null} for a whole object added or
 * removed); it flags at most once per object and field.
 */
public final class RiskRules {

    /** One rule: an id that stays stable, why the change is risky, and when it applies. */
    public record RiskRule(String id, String why, BiPredicate<ObjectChange, FieldChange> applies) {}

    private static final Pattern IMAGE_VERSION = Pattern.compile(":(\\d+)(?:\\.(\\d+))?");

    public static final List<RiskRule> ALL = List.of(
            new RiskRule("storage.shrink",
                    "a PersistentVolumeClaim cannot shrink: the CNPG webhook refuses a smaller size, and recreating the volumes discards the instances' data",
                    (o, f) -> cluster(o, f) && (f.path().equals("spec.storage.size") || f.path().equals("spec.walStorage.size"))
                            && smaller(f.before(), f.after(), Quantities::mebibytes)),
            new RiskRule("storage.class",
                    "an existing volume keeps its storage class and a StorageClass's parameters cannot change: existing instances must be recreated one by one",
                    (o, f) -> cluster(o, f) && f.op() == Op.CHANGED && f.path().matches("spec\\.(storage|walStorage)\\.storageClass")
                            || f != null && o.is("StorageClass") && o.op() == Op.CHANGED
                            && (f.path().startsWith("parameters") || f.path().equals("provisioner") || f.path().equals("volumeBindingMode"))),
            new RiskRule("instances.decrease",
                    "fewer instances mean less redundancy, and the operator deletes the removed instances' volumes",
                    (o, f) -> cluster(o, f) && f.path().equals("spec.instances") && smaller(f.before(), f.after(), Long::parseLong)),
            new RiskRule("postgres.major",
                    "a new PostgreSQL major runs an offline pg_upgrade of the primary and recreates the replicas; back up first and change backup.serverName",
                    (o, f) -> cluster(o, f) && f.path().equals("spec.imageName") && major(f.before()).isPresent()
                            && !major(f.before()).equals(major(f.after()))),
            new RiskRule("postgres.downgrade",
                    "PostgreSQL cannot go back a version in place: the data directory of a newer release does not start on an older one",
                    (o, f) -> cluster(o, f) && f.path().equals("spec.imageName") && version(f.after()) < version(f.before())),
            new RiskRule("replication.weakened",
                    "fewer synchronous standbys, or a preferred durability, lets a commit be acknowledged before it is on another instance: a failover can lose it",
                    (o, f) -> cluster(o, f) && (f.path().equals("spec.postgresql.synchronous.number") && (f.op() == Op.REMOVED
                            || smaller(f.before(), f.after(), Long::parseLong))
                            || f.path().equals("spec.postgresql.synchronous.dataDurability") && "required".equals(f.before())
                            && !"required".equals(f.after()))),
            new RiskRule("bootstrap.changed",
                    "bootstrap and restore settings act only when a cluster is created: on the running cluster the change does nothing, and restoring into it needs a new cluster name",
                    (o, f) -> cluster(o, f) && (f.path().startsWith("spec.bootstrap") || f.path().startsWith("spec.externalClusters"))),
            new RiskRule("nodepool.vm-size",
                    "AKS cannot change an existing node pool's VM size in place: the deployment fails; add a new pool and drain the old one",
                    (o, f) -> bicep(o, f) && f.op() == Op.CHANGED
                            && (o.id().matches(".*\\.bicepparam param \\w*VmSize") || f.path().endsWith("vmSize"))),
            new RiskRule("nodepool.zones",
                    "an existing node pool's availability zones cannot change, and a zonal disk stays in its zone: the pool must be recreated",
                    (o, f) -> bicep(o, f) && (o.id().matches(".*\\.bicepparam param (zones|\\w+Zones)")
                            || f.path().contains("availabilityZones")
                            // The per-zone PostgreSQL pools: a pool's zone changing, or a zone's pool going away.
                            || o.id().endsWith(" var postgresZonePools") && f.path().matches(".*\\]\\.zone|\\[name=[^\\]]+\\]"))),
            new RiskRule("name.changed",
                    "a new name is a new resource: Azure or Kubernetes creates it empty, and the old one, with its data, is orphaned or deleted",
                    (o, f) -> f != null && f.op() == Op.CHANGED && (o.is("manifest") && f.path().startsWith("names.")
                            || bicep(o, f) && o.id().matches(".*\\.bicepparam param (\\w*Name|nodeResourceGroup|dnsPrefix)"))),
            new RiskRule("object.deleted",
                    "the object is no longer rendered: kubectl apply --prune, Flux or Argo CD delete it from the cluster; an Azure resource stays, orphaned, or goes with a complete-mode deployment",
                    (o, f) -> f == null && o.op() == Op.REMOVED
                            && (o.isKubernetes() || o.is("bicep") && o.id().matches(".* (resource|module) \\w+"))),
            new RiskRule("security.weakened",
                    "a security setting is weaker: wider network access, plaintext or older TLS, shared keys or local accounts allowed",
                    RiskRules::weakerSecurity),
            new RiskRule("backup.weakened",
                    "backups are kept for less time, or no longer taken or archived: the recovery window shrinks or ends",
                    RiskRules::weakerBackup));

    private RiskRules() {}

    public static List<Risk> flag(List<ObjectChange> changes) {
        return flag(changes, ALL);
    }

    static List<Risk> flag(List<ObjectChange> changes, List<RiskRule> rules) {
        Map<String, Risk> risks = new LinkedHashMap<>();
        for (RiskRule rule : rules) {
            for (ObjectChange o : changes) {
                List<FieldChange> fields = o.fields().isEmpty() ? Collections.singletonList(null) : o.fields();
                for (FieldChange f : fields) {
                    boolean applies;
                    try {
                        applies = rule.applies().test(o, f);
                    } catch (RuntimeException e) {
                        // A value pgaks would not render (edited by hand) cannot be compared; the change still shows in the diff.
                        applies = false;
                    }
                    if (applies) {
                        String path = f == null ? "" : f.path();
                        risks.putIfAbsent(rule.id() + " " + o.id() + " " + path, new Risk(rule.id(), rule.why(), o.id(), o.file(), path,
                                f == null ? null : f.before(), f == null ? null : f.after()));
                    }
                }
            }
        }
        return new ArrayList<>(risks.values());
    }

    private static boolean cluster(ObjectChange o, FieldChange f) {
        return f != null && o.is("Cluster") && o.op() == Op.CHANGED;
    }

    private static boolean bicep(ObjectChange o, FieldChange f) {
        return f != null && o.is("bicep");
    }

    private static boolean smaller(String before, String after, ToLongFunction<String> parse) {
        return before != null && after != null && parse.applyAsLong(unquote(after)) < parse.applyAsLong(unquote(before));
    }

    private static String unquote(String value) {
        return value.startsWith("'") && value.endsWith("'") && value.length() > 1 ? value.substring(1, value.length() - 1) : value;
    }

    private static Optional<Integer> major(String image) {
        if (image == null) {
            return Optional.empty();
        }
        Matcher m = IMAGE_VERSION.matcher(image);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** major × 1000 + minor of an image tag, so 17.9 < 18.0; 0 when the tag names no version. */
    private static long version(String image) {
        if (image == null) {
            return 0;
        }
        Matcher m = IMAGE_VERSION.matcher(image);
        return m.find() ? Long.parseLong(m.group(1)) * 1000 + (m.group(2) == null ? 0 : Long.parseLong(m.group(2))) : 0;
    }

    private static boolean weakerSecurity(ObjectChange o, FieldChange f) {
        if (f == null) {
            return false;
        }
        String path = f.path();
        String before = f.before() == null ? null : unquote(f.before());
        String after = f.after() == null ? null : unquote(f.after());
        if (o.is("bicep")) {
            String leaf = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : o.id().substring(o.id().lastIndexOf(' ') + 1);
            return switch (leaf) {
                case "allowSharedKeyAccess", "allowBlobPublicAccess", "allowCrossTenantReplication" ->
                        !"true".equals(before) && "true".equals(after);
                case "supportsHttpsTrafficOnly", "disableLocalAccounts", "enablePrivateCluster", "defaultToOAuthAuthentication" ->
                        "true".equals(before) && !"true".equals(after);
                case "publicNetworkAccess" -> !"Enabled".equals(before) && "Enabled".equals(after);
                case "publicAccess" -> "None".equals(before) && !"None".equals(after);
                case "minimumTlsVersion" -> before != null && (after == null || after.compareTo(before) < 0);
                case "defaultAction" -> "Deny".equals(before) && !"Deny".equals(after);
                default -> o.id().endsWith("param apiServerAuthorizedIpRanges") && (f.op() != Op.REMOVED || "[]".equals(after))
                        || path.startsWith("properties.apiServerAccessProfile") && f.op() == Op.REMOVED;
            };
        }
        if (cluster(o, f)) {
            if (path.startsWith("spec.postgresql.pg_hba")) {
                return after != null && after.matches("\\s*host\\s.*") && !after.contains("reject")
                        || before != null && before.matches("\\s*hostnossl\\s.*reject.*");
            }
            return path.equals("spec.enableSuperuserAccess") && "true".equals(after) && !"true".equals(before)
                    || path.equals("spec.postgresql.parameters.ssl") && "off".equals(after)
                    || path.equals("spec.postgresql.parameters.password_encryption") && "md5".equals(after);
        }
        return false;
    }

    private static boolean weakerBackup(ObjectChange o, FieldChange f) {
        if (f == null) {
            return o.op() == Op.REMOVED && (o.is("ScheduledBackup") || o.is("ObjectStore"));
        }
        if (o.is("ObjectStore") && f.path().equals("spec.retentionPolicy")) {
            return f.after() == null || Quantities.days(unquote(f.after())) < Quantities.days(unquote(f.before()));
        }
        if (o.is("ScheduledBackup") && f.path().equals("spec.suspend")) {
            return "true".equals(f.after());
        }
        if (cluster(o, f) && f.path().startsWith("spec.plugins")) {
            return f.op() == Op.REMOVED && f.path().endsWith(".isWALArchiver") || f.path().endsWith(".isWALArchiver") && "false".equals(f.after());
        }
        return o.is("bicep") && o.id().endsWith("param softDeleteDays") && smaller(f.before(), f.after(), Long::parseLong);
    }
}
