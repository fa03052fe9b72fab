package dev.pgaks.render;

import dev.pgaks.resolve.ResolvedSpec;
import java.util.List;

/** {@code runbooks/<Alert>.md}: one runbook per rendered alert, the target of its {@code runbook_url}. */
public final class AlertRunbooks implements OutputFamily {

    @Override
    public List<PlannedFile> plan(ResolvedSpec spec) {
        return spec.scope().alerts(spec.monitoring()).stream()
                .map(alert -> new PlannedFile(alert.runbookFile(), "runbooks/alert.md.ftl", alert))
                .toList();
    }
}
