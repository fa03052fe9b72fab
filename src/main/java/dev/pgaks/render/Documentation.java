package dev.pgaks.render;

import dev.pgaks.resolve.ResolvedSpec;
import java.util.List;

/**
 * {@code README.md}: what was generated, prerequisites, and the exact commands in apply order; {@code .gitattributes}:
 * marks the tree as generated for the forge.
 */
public final class Documentation implements OutputFamily {

    @Override
    public List<PlannedFile> plan(ResolvedSpec spec) {
        // The README describes the Azure modules the infrastructure family plans, from the same decision.
        String readme = spec.scope().isPlatform() ? "docs/platform/README.md.ftl"
                : spec.scope().isDatabase() ? "docs/database/README.md.ftl" : "docs/README.md.ftl";
        return List.of(new PlannedFile("README.md", readme, spec.bicepModules()),
                PlannedFile.of(".gitattributes", "docs/gitattributes.txt.ftl"));
    }
}
