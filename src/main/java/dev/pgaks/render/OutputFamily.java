package dev.pgaks.render;

import dev.pgaks.resolve.ResolvedSpec;
import java.util.List;

/** A group of outputs (Bicep, Helm values, Kubernetes manifests, monitoring, docs) and the files it plans for a spec. */
public interface OutputFamily {

    List<PlannedFile> plan(ResolvedSpec spec);
}
