package dev.pgaks.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgaks.render.RenderedFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The read-back that every render passes before anything is written: a defect planted in rendered files is reported.
 * The render-level tests cannot see these defects, as a render that has one fails before they look.
 */
class OutputVerifierTest {

    private final OutputVerifier verifier = new OutputVerifier();

    @Test
    void aSecretIsReportedWhereverItIsRendered() {
        String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  password: x\n";
        assertEquals(List.of("k8s/secret.yaml: pgaks never renders Secrets"),
                findings(file("k8s/secret.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: db\n---\n" + secret)));
        assertEquals(List.of("monitoring/secret.yaml: pgaks never renders Secrets"), findings(file("monitoring/secret.yaml", secret)));
    }

    @Test
    void anObjectWithoutANameIsReported() {
        assertEquals(List.of("k8s/ns.yaml: a Kubernetes object needs apiVersion, kind and metadata.name"),
                findings(file("k8s/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {}\n")));
    }

    @Test
    void yamlOrJsonThatDoesNotParseBackIsReported() {
        List<String> found = findings(file("k8s/bad.yaml", "a: [\n"), file("monitoring/dashboard.json", "{\"a\": }"));
        assertEquals(2, found.size(), found.toString());
        assertEquals(List.of(true, true), found.stream().map(f -> f.contains(": does not parse back: ")).toList());
    }

    @Test
    void wellFormedOutputHasNoFindings() {
        assertEquals(List.of(), findings(file("k8s/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: db\n"),
                file("helm/values.yaml", "kind: Secret\n"), file("monitoring/dashboard.json", "{}")));
    }

    private List<String> findings(RenderedFile... files) {
        return verifier.verify(List.of(files)).findings();
    }

    private static RenderedFile file(String path, String text) {
        return new RenderedFile(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
