package dev.pgaks.facts;

import java.util.Map;
import java.util.Optional;

/**
 * The Barman Cloud plugin version a plugin-barman-cloud chart deploys: its appVersion, the default tag of both the
 * plugin and its sidecar image, and lagging the plugin's own releases (chart 0.7.0 deploys v0.13.0 while v0.14.0 is
 * out). pgaks keeps the chart's tag, which matches the ObjectStore CRD the chart installs.
 */
public final class PluginChart {

    private static final Map<String, String> APP_VERSIONS = Map.of("0.7.0", "v0.13.0");

    private PluginChart() {}

    /** Empty for a chart version pgaks does not know: the README then points at {@code helm show chart}. */
    public static Optional<String> appVersion(String chartVersion) {
        return Optional.ofNullable(APP_VERSIONS.get(chartVersion));
    }
}
