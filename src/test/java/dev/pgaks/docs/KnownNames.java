package dev.pgaks.docs;

import dev.pgaks.k8s.Manifests;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.ResolvedOperations;
import dev.pgaks.resolve.ResolvedSpec;
import dev.pgaks.resolve.TreeLayout;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a pasted command may use, read from the rendered tree rather than from the resolver: the Kubernetes
 * objects in {@code k8s/} and {@code monitoring/}, what CNPG and Helm create from them (the {@code -app} Secret, the
 * chart's Deployment), the names in the Bicep, and the files of the tree as seen from the spec's directory.
 * A runbook may also name what it creates itself: an object in a heredoc manifest or an {@code az ... create}, and the
 * clusters a restore or a test restore brings up (their names come from the procedure, not from this tree).
 */
final class KnownNames {

    private static final Pattern BICEP_NAME = Pattern.compile("(?m)^\\s*name: '([^'$]+)'");
    private static final Pattern BICEPPARAM = Pattern.compile("(?m)^param \\w+ = '([^']+)'");
    private static final Pattern HELM_INSTALL = Pattern.compile(
            "helm upgrade --install (\\S+) \\S+/(\\S+) .*?--namespace (\\S+)", Pattern.DOTALL);

    private final Map<String, Set<String>> byKind = new HashMap<>();
    private final Set<String> paths = new HashSet<>();
    private final Set<String> trees = new HashSet<>();
    private final Set<String> created = new HashSet<>();

    private KnownNames() {}

    /** The names of one golden case's rendering; {@code created} starts empty for each Markdown file. */
    static KnownNames of(ResolvedSpec spec, List<RenderedFile> files) {
        KnownNames known = new KnownNames();
        for (RenderedFile file : files) {
            known.paths.add(file.path());
            for (String dir = parent(file.path()); !dir.isEmpty(); dir = parent(dir)) {
                known.paths.add(dir);
            }
            if ((file.path().startsWith("k8s/") || file.path().startsWith("monitoring/")) && file.path().endsWith(".yaml")) {
                Manifests.loadAll(file.text()).forEach(known::object);
            } else if (file.path().endsWith(".bicep")) {
                known.collect("azure", BICEP_NAME, file.text());
            } else if (file.path().endsWith(".bicepparam")) {
                known.collect("azure", BICEPPARAM, file.text());
                Matcher nodeGroup = Pattern.compile("(?m)^param nodeResourceGroup = '([^']+)'").matcher(file.text());
                if (nodeGroup.find()) {
                    known.add("resourcegroup", nodeGroup.group(1));
                }
            } else if (file.path().equals("README.md")) {
                Matcher helm = HELM_INSTALL.matcher(file.text().replace("\\\n", " "));
                while (helm.find()) {
                    known.add("namespace", helm.group(3));
                    known.add("deployment", helmFullname(helm.group(1), helm.group(2)));
                }
            }
        }
        // The deployment target and the deployment's name are the README's own: neither is inside the Bicep.
        known.add("resourcegroup", spec.azure().resourceGroup());
        known.add("azure", spec.azure().resourceGroup());
        known.add("azure", spec.azure().deploymentName());
        TreeLayout layout = spec.operations().layout();
        known.trees.add(layout.treeDir());
        known.trees.add(layout.restoreTreeDir());
        known.paths.add(layout.specFile());
        known.paths.add(layout.azureOutputsFile());
        known.paths.add(layout.restoreSpecFile());
        known.paths.add(layout.restoreAzureOutputsFile());
        known.paths.add(spec.operations().restoreDashboardFile());
        ResolvedOperations ops = spec.operations();
        for (String cluster : List.of(ops.restoreClusterName(), ops.testRestoreClusterName())) {
            known.add("cluster", cluster);
        }
        known.add("secret", ops.restoreAppSecret());
        if (ops.hasSource()) {
            ResolvedOperations.Source source = ops.source();
            known.add("cluster", source.cluster());
            known.add("scheduledbackup", source.scheduledBackupName());
            known.add("objectstore", source.objectStoreName());
            known.add("azure", source.federatedCredentialName());
            source.azureRuleGroupNames().forEach(group -> known.add("azure", group));
            known.add("prometheusrule", source.ruleGroupName());
        }
        return known;
    }

    /**
     * A database's tree also names what its platform owns: the AKS cluster's resource group, the operator's namespace
     * and Deployment (rendered by the platform's tree, or the existing cluster's, which its README requires).
     */
    KnownNames withPlatformOf(ResolvedSpec database) {
        var platform = database.scope().platform();
        add("resourcegroup", platform.clusterResourceGroup());
        add("resourcegroup", platform.nodeResourceGroup());
        add("azure", platform.grafanaName());
        add("namespace", platform.operatorNamespace());
        add("deployment", database.postgres().operator().operatorRelease().deploymentName());
        return this;
    }

    /** A platform's databases of the call, in their own trees: its AKS and operator procedures watch their clusters. */
    KnownNames withDatabasesOf(ResolvedSpec platform) {
        platform.scope().databases().forEach(d -> {
            add("cluster", d.cluster());
            add("namespace", d.namespace());
        });
        return this;
    }

    /** A fresh copy for one Markdown file: what one runbook creates is not known to another. */
    KnownNames forFile() {
        KnownNames copy = new KnownNames();
        byKind.forEach((k, v) -> copy.byKind.put(k, new HashSet<>(v)));
        copy.paths.addAll(paths);
        copy.trees.addAll(trees);
        return copy;
    }

    void createdHere(String name) {
        created.add(name);
    }

    boolean has(String kind, String name) {
        return created.contains(name) || byKind.getOrDefault(kind, Set.of()).contains(name);
    }

    /** A path from the spec's directory: a file beside the spec, or a file or folder of a rendered tree. */
    boolean hasPath(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (paths.contains(p) && !p.contains("/")) {
            return true;
        }
        for (String tree : trees) {
            if (p.startsWith(tree + "/") && paths.contains(p.substring(tree.length() + 1))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private void object(Map<String, Object> object) {
        String kind = ((String) object.get("kind")).toLowerCase();
        Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
        if (metadata == null) {
            return;
        }
        String name = (String) metadata.get("name");
        add(kind, name);
        if (metadata.get("namespace") != null) {
            add("namespace", (String) metadata.get("namespace"));
        }
        if (kind.equals("cluster")) {
            Map<String, Object> spec = (Map<String, Object>) object.get("spec");
            Map<String, Object> bootstrap = (Map<String, Object>) spec.get("bootstrap");
            Map<String, Object> method = (Map<String, Object>) bootstrap.values().iterator().next();
            Map<String, Object> secret = (Map<String, Object>) method.get("secret");
            // CNPG generates <cluster>-app unless the bootstrap names a Secret.
            add("secret", secret != null ? (String) secret.get("name") : name + "-app");
            Map<String, Object> managed = (Map<String, Object>) spec.get("managed");
            if (managed != null && managed.get("roles") != null) {
                for (Map<String, Object> role : (List<Map<String, Object>>) managed.get("roles")) {
                    Map<String, Object> password = (Map<String, Object>) role.get("passwordSecret");
                    if (password != null) {
                        add("secret", (String) password.get("name"));
                    }
                }
            }
        }
    }

    /** Helm's default fullname: the release name if it contains the chart's name, else release-chart. */
    private static String helmFullname(String release, String chart) {
        return release.contains(chart) ? release : release + "-" + chart;
    }

    private void collect(String kind, Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            add(kind, m.group(1));
        }
    }

    private void add(String kind, String name) {
        byKind.computeIfAbsent(kind, k -> new HashSet<>()).add(name);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
