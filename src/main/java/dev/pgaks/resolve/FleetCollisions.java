package dev.pgaks.resolve;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.load.SpecDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What two specs of one call may not both claim: an output directory, a storage account name (global in Azure), an
 * Azure resource name in one resource group, a Kubernetes object on one AKS cluster, a namespace the platform does
 * not share. Each collision is reported on both files, at the field that made the name, naming the other.
 */
public final class FleetCollisions {

    /** A resolved tree and the document its positions come from. */
    public record Placed(ResolvedSpec spec, SpecDocument document) {}

    /**
     * One name a tree claims.
     *
     * @param what    what is claimed, for the message ("storage account", "Kubernetes object")
     * @param key     equal keys collide: the name with everything that scopes it (resource group, AKS cluster)
     * @param name    the name as the message shows it
     * @param pointer the spec field that made the name
     */
    public record Claim(String what, String key, String name, Placed tree, String pointer) {}

    private FleetCollisions() {}

    /** The claims resolve can see: output directories, Azure names, namespaces. */
    public static List<Claim> resolvedClaims(List<Placed> trees) {
        List<Claim> claims = new ArrayList<>();
        for (Placed tree : trees) {
            ResolvedSpec s = tree.spec();
            TreeScope scope = s.scope();
            String rg = s.azure().resourceGroup().toLowerCase(java.util.Locale.ROOT);
            String named = s.restore().enabled() ? written(tree, "/postgres/clusterName") : "/metadata/name";
            claims.add(new Claim("output directory", "dir:" + s.operations().layout().treeName(),
                    s.operations().layout().treeName(), tree, named));
            if (scope.rendersPlatform()) {
                claims.add(azure(tree, rg, "managed identity", s.azure().controlPlaneIdentityName(), "/metadata/name"));
                claims.add(azure(tree, rg, "AKS cluster", s.aks().clusterName(), written(tree, "/aks/clusterName")));
            }
            if (scope.rendersDatabase()) {
                claims.add(azure(tree, rg, "managed identity", s.azure().workloadIdentityName(), "/metadata/name"));
                if (s.backup().enabled()) {
                    claims.add(new Claim("storage account", "storage:" + s.backup().storageAccountName(),
                            s.backup().storageAccountName(), tree, written(tree, "/backup/storageAccountName")));
                }
                if (scope.rendersOwnNamespace(s.postgres().namespace())) {
                    claims.add(new Claim("namespace", "ns:" + cluster(s) + ":" + s.postgres().namespace(),
                            s.postgres().namespace() + " on AKS cluster " + s.aks().clusterName(), tree,
                            written(tree, "/postgres/namespace")));
                }
            }
            ResolvedMonitoring m = s.monitoring();
            if (m.azureManagedPrometheus() && scope.rendersMonitoring()) {
                if (m.hasActionGroup()) {
                    claims.add(azure(tree, rg, "action group", m.actionGroup().name(), "/metadata/name"));
                }
                for (ResolvedMonitoring.RuleGroup group : m.ruleGroups()) {
                    if (group.operatorScoped() ? scope.rendersPlatform() : scope.rendersDatabase()) {
                        claims.add(azure(tree, rg, "Prometheus rule group", group.name(),
                                group.operatorScoped() ? "/metadata/name" : written(tree, "/postgres/clusterName")));
                    }
                }
            }
        }
        return claims;
    }

    /** The AKS cluster a tree's Kubernetes objects land on: its resource group and name. */
    public static String cluster(ResolvedSpec s) {
        String rg = s.scope().isDatabase() ? s.scope().platform().clusterResourceGroup() : s.azure().resourceGroup();
        return rg.toLowerCase(java.util.Locale.ROOT) + "/" + s.aks().clusterName();
    }

    /** Every pair of trees with equal claims, reported on both, each naming the other's file and line. */
    public static List<Diagnostic> collisions(List<Claim> claims) {
        Map<String, List<Claim>> byKey = new LinkedHashMap<>();
        for (Claim claim : claims) {
            byKey.computeIfAbsent(claim.key(), k -> new ArrayList<>()).add(claim);
        }
        List<Diagnostic> found = new ArrayList<>(nestedTrees(claims));
        for (List<Claim> same : byKey.values()) {
            for (int i = 0; i < same.size(); i++) {
                for (int j = 0; j < same.size(); j++) {
                    if (i != j && same.get(i).tree() != same.get(j).tree()) {
                        found.add(report(same.get(i), same.get(j)));
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** A tree inside another's directory: the outer render would replace (and prune) the inner tree. */
    private static List<Diagnostic> nestedTrees(List<Claim> claims) {
        Map<String, Claim> dirs = new HashMap<>();
        claims.stream().filter(c -> c.what().equals("output directory")).forEach(c -> dirs.putIfAbsent(c.name(), c));
        List<Diagnostic> found = new ArrayList<>();
        // Each directory's ancestors are looked up by name: linear in the number of trees, not quadratic.
        for (Claim inner : claims) {
            if (!inner.what().equals("output directory")) {
                continue;
            }
            for (int slash = inner.name().lastIndexOf('/'); slash > 0; slash = inner.name().lastIndexOf('/', slash - 1)) {
                Claim outer = dirs.get(inner.name().substring(0, slash));
                if (outer != null) {
                    Claim nested = new Claim("output directory", inner.key(), inner.name() + " lies inside " + outer.name()
                            + ", which", inner.tree(), inner.pointer());
                    found.add(report(nested, outer));
                    found.add(report(new Claim("output directory", outer.key(), outer.name() + " holds " + inner.name()
                            + ", which", outer.tree(), outer.pointer()), inner));
                }
            }
        }
        return found;
    }

    private static Diagnostic report(Claim own, Claim other) {
        SpecDocument.Position there = other.tree().document().valuePosition(other.pointer());
        String hint = switch (own.what()) {
            case "namespace" -> "give one database another postgres.namespace, or list " + own.name().split(" ")[0]
                    + " in the platform's namespaces to share it";
            case "storage account" -> "storage account names are global in Azure: set backup.storageAccountName on one of them";
            case "output directory" -> "give one of them another metadata.name or environment, or render them with different -o";
            default -> "rename one of them (metadata.name, postgres.clusterName), or deploy it into another resource group or cluster";
        };
        return own.tree().document().diagnosticAt(own.pointer(),
                own.what() + " " + own.name() + " is also rendered by " + other.tree().document().fileAt(other.pointer()) + ":"
                        + there.line() + ":" + there.column(), hint).withCode(ErrorCode.COLLISION);
    }

    private static Claim azure(Placed tree, String rg, String what, String name, String pointer) {
        return new Claim(what, "azure:" + rg + ":" + what + ":" + name.toLowerCase(java.util.Locale.ROOT),
                name + " in resource group " + tree.spec().azure().resourceGroup(), tree, pointer);
    }

    /** {@code pointer} where the spec writes it; else the metadata.name every default derives from. */
    public static String written(Placed tree, String pointer) {
        Object node = tree.document().root();
        for (String segment : pointer.substring(1).split("/")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(segment)) {
                return "/metadata/name";
            }
            node = map.get(segment);
        }
        return pointer;
    }
}
