package dev.pgaks.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The alert rules and runbooks of {@code /monitoring/alerts.yaml}, resolved for one cluster.
 *
 * <p>Placeholders are written {@code %{name}}. Problems in the bundled catalog (an unknown or unterminated
 * placeholder, a missing field) are bugs in pgaks, hence {@link IllegalStateException}; bad context values are
 * {@link IllegalArgumentException}.
 */
public final class AlertCatalog {
    static final String ALERTS_RESOURCE = "/monitoring/alerts.yaml";
    static final String THRESHOLDS_RESOURCE = "/monitoring/thresholds.schema.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("%\\{([^}]*)}");
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    private static final Set<String> CONDITIONS = Set.of("synchronous");
    /** Thresholds end up inside PromQL, so anything but a plain number could change the query. */
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    /** Prometheus instance pods are named {@code <cluster>-<n>}; Jobs such as {@code <cluster>-1-initdb} must not match. */
    private static final String POD_SELECTOR_SUFFIX = "-([1-9][0-9]*)$";

    private final List<Map<String, Object>> alerts;
    private final Map<String, String> defaultThresholds;

    private AlertCatalog(List<Map<String, Object>> alerts, Map<String, String> defaultThresholds) {
        this.alerts = alerts;
        this.defaultThresholds = defaultThresholds;
    }

    public static AlertCatalog load() {
        return new AlertCatalog(loadAlerts(), loadDefaultThresholds());
    }

    /** Threshold defaults from {@code thresholds.schema.json}, in schema order. */
    public Map<String, String> defaultThresholds() {
        return defaultThresholds;
    }

    /** Resolves every applicable alert in file order. */
    public List<ResolvedAlert> resolve(AlertContext ctx) {
        Map<String, String> values = placeholderValues(ctx);
        List<ResolvedAlert> resolved = new ArrayList<>();
        for (Map<String, Object> alert : alerts) {
            if (!applies(alert, ctx)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> runbook = (Map<String, Object>) alert.get("runbook");
            String name = text(alert, "name");
            resolved.add(new ResolvedAlert(
                    name,
                    text(alert, "severity"),
                    text(alert, "for"),
                    substitute(name, text(alert, "expr"), values),
                    substitute(name, text(alert, "summary"), values),
                    substitute(name, text(alert, "description"), values),
                    substitute(name, text(runbook, "meaning"), values),
                    substitute(name, text(runbook, "impact"), values),
                    substitute(name, text(runbook, "diagnosis"), values),
                    substitute(name, text(runbook, "mitigation"), values)));
        }
        return List.copyOf(resolved);
    }

    private Map<String, String> placeholderValues(AlertContext ctx) {
        if (ctx.zoneCount() < 1 || ctx.instances() < 1) {
            throw new IllegalArgumentException("zoneCount and instances must be at least 1: " + ctx);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("namespace", ctx.namespace());
        values.put("cluster", ctx.cluster());
        values.put("podSelector", ctx.cluster() + POD_SELECTOR_SUFFIX);
        values.put("operatorNamespace", ctx.operatorNamespace());
        values.put("zoneCount", Integer.toString(ctx.zoneCount()));
        values.put("instances", Integer.toString(ctx.instances()));
        Map<String, String> thresholds = new LinkedHashMap<>(defaultThresholds);
        ctx.thresholds().forEach((key, value) -> {
            if (!defaultThresholds.containsKey(key)) {
                throw new IllegalArgumentException("unknown alert threshold '" + key + "'; known: " + defaultThresholds.keySet());
            }
            thresholds.put(key, value);
        });
        thresholds.forEach((key, value) -> {
            if (!NUMBER.matcher(value).matches()) {
                throw new IllegalArgumentException("alert threshold '" + key + "' must be a non-negative number, got '" + value + "'");
            }
            values.put("thresholds." + key, value);
        });
        return values;
    }

    private static boolean applies(Map<String, Object> alert, AlertContext ctx) {
        Object when = alert.get("when");
        if (when == null) {
            return true;
        }
        if (!CONDITIONS.contains(when)) {
            throw new IllegalStateException("alert " + alert.get("name") + " has unknown 'when: " + when + "'");
        }
        return ctx.synchronous();
    }

    /** Package-private so the error paths can be tested without a broken catalog on the classpath. */
    static String substitute(String alertName, String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("alert " + alertName + " uses unknown placeholder %{" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        String result = out.toString();
        // Values never contain "%{", so a leftover one is a malformed placeholder in the catalog.
        int leftover = result.indexOf("%{");
        if (leftover >= 0) {
            throw new IllegalStateException("alert " + alertName + " has an unterminated placeholder near '"
                    + result.substring(leftover, Math.min(result.length(), leftover + 30)) + "'");
        }
        return result;
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalStateException("alert catalog entry " + (map == null ? "?" : map.get("name"))
                    + " lacks string field '" + key + "'");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> loadAlerts() {
        Object root = loadResource(ALERTS_RESOURCE);
        if (!(root instanceof List<?> list)) {
            throw new IllegalStateException(ALERTS_RESOURCE + " must be a YAML list");
        }
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Object entry : list) {
            Map<String, Object> alert = (Map<String, Object>) entry;
            String severity = text(alert, "severity");
            if (!SEVERITIES.contains(severity)) {
                throw new IllegalStateException("alert " + alert.get("name") + " has invalid severity " + severity);
            }
            alerts.add(Collections.unmodifiableMap(alert));
        }
        return List.copyOf(alerts);
    }

    /** JSON is YAML 1.2, so the schema fragment is read with the same parser as the catalog. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> loadDefaultThresholds() {
        Map<String, Object> schema = (Map<String, Object>) loadResource(THRESHOLDS_RESOURCE);
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        Map<String, String> defaults = new LinkedHashMap<>();
        properties.forEach((key, definition) -> {
            Object value = ((Map<String, Object>) definition).get("default");
            if (!(value instanceof Number)) {
                throw new IllegalStateException("threshold " + key + " in " + THRESHOLDS_RESOURCE + " needs a numeric default");
            }
            defaults.put(key, value.toString());
        });
        return Collections.unmodifiableMap(defaults);
    }

    private static Object loadResource(String resource) {
        try (InputStream in = AlertCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new Load(LoadSettings.builder().setLabel(resource).build()).loadFromInputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
