package dev.pgaks.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each overlay is built on its own copy of the base, so one overlay's patch never shows in another's objects. */
class KustomizationsTest {

    @TempDir
    Path dir;

    @Test
    void eachOverlayIsCheckedAsItBuilds() throws IOException {
        write("base/cluster.yaml", RulesTest.CLUSTER);
        write("base/kustomization.yaml", "resources:\n  - cluster.yaml\n");
        write("overlays/staging/kustomization.yaml", "namespace: staging\nresources:\n  - ../../base\n"
                + "patchesStrategicMerge:\n  - |-\n    apiVersion: postgresql.cnpg.io/v1\n    kind: Cluster\n"
                + "    metadata:\n      name: pg\n    spec:\n      instances: 2\n");
        write("overlays/prod/kustomization.yaml", "resources:\n  - ../../base\npatches:\n  - path: sync.yaml\n");
        write("overlays/prod/sync.yaml", "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: pg\n"
                + "spec:\n  postgresql:\n    synchronous:\n      number: 3\n");
        LintTree tree = LintTree.read(dir);
        assertEquals(List.of("base/cluster.yaml (as built by overlays/prod)", "base/cluster.yaml (as built by overlays/staging)"),
                tree.manifests().stream().map(LintTree.Manifest::file).sorted().toList());
        assertEquals(List.of("staging"), tree.manifests().stream().filter(m -> m.file().endsWith("staging)"))
                .map(LintTree.Manifest::namespace).toList());
        List<Finding> findings = Rules.run(tree, Rules.ALL);
        assertEquals(List.of("base/cluster.yaml (as built by overlays/prod) cnpg.synchronous-replicas"),
                findings.stream().map(f -> f.file() + " " + f.rule()).toList());
    }

    @Test
    void aMissingPatchFileIsAFinding() throws IOException {
        write("kustomization.yaml", "resources:\n  - cluster.yaml\npatches:\n  - path: gone.yaml\n");
        write("cluster.yaml", RulesTest.CLUSTER);
        List<Finding> findings = Rules.run(LintTree.read(dir), Rules.ALL);
        assertEquals(List.of("kustomization.yaml tree.kustomize"), findings.stream().map(f -> f.file() + " " + f.rule()).toList());
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
