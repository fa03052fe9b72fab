package dev.pgaks.k8s;

import dev.pgaks.testsupport.ExternalCommand;
import dev.pgaks.testsupport.ToolRequirement;
import java.nio.file.Path;

/** Runs {@code kubectl kustomize} (client side only, no cluster needed) on a directory of rendered manifests. */
public final class KustomizeBuild {

    private KustomizeBuild() {
    }

    /** The built multi-document YAML; throws with kubectl's stderr when the build fails. */
    public static String build(Path dir) {
        Path kubectl = ToolRequirement.command("kubectl");
        ExternalCommand.Result result = ExternalCommand.of(kubectl, "kustomize", dir).separateErrors().run();
        if (result.exit() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + result.exit() + "):\n"
                    + result.errors().strip());
        }
        return result.output();
    }
}
