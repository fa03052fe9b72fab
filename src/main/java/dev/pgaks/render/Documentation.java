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
        return List.of(PlannedFile.of("README.md", "docs/README.md.ftl"), PlannedFile.of(".gitattributes", "docs/gitattributes.txt.ftl"));
    }
}
