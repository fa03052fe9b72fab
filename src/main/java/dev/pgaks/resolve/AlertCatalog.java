package dev.pgaks.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgaks.load.SpecSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The alert rules and runbooks of {@code /monitoring/alerts.yaml}, resolved for one cluster.
 *
 * <p>Placeholders are written {@code %{name}}. A runbook section is a text, or a list of parts: texts and
 * {@code {when: [...], text: ...}} entries kept only when their conditions hold. Problems in the bundled catalog (an unknown or unterminated
 * placeholder, a missing field) are bugs in pgaks, hence {@link IllegalStateException}; bad context values are
 * {@link IllegalArgumentException}.
 */
public final class AlertCatalog {
    static final String ALERTS_RESOURCE = "/monitoring/alerts.yaml";
    /** Where the thresholds live in the spec schema, the single source of their names, bounds and defaults. */
    static final String THRESHOLDS_FIELD = "monitoring.thresholds";

    private static final Pattern PLACEHOLDER = Pattern.compile("%\\{([^}]*)}");
    private static final Map<String, List<String>> PARSED = new ConcurrentHashMap<>();
    static final String RUNBOOK_FOLDER = "runbooks/";
    /**
     * Azure Monitor severities: Sev0 Critical for outages only, Sev1 Error for other critical alerts, Sev2 Warning,
     * Sev3 Informational. Whoever pages on Sev0 is woken for an outage, not for a risk.
     */
    private static final Map<String, Integer> AZURE_SEVERITIES = Map.of("critical", 1, "warning", 2, "info", 3);
    private static final int AZURE_OUTAGE_SEVERITY = 0;
    private static final Pattern DURATION = Pattern.compile("([0-9]+)([smhd])");
    /** The themes alerts are grouped by, in rendering order; {@link #OPERATOR_GROUP} alerts are about the operator. */
    static final List<String> GROUPS = List.of("availability", "capacity", "backup", "logical-replication", "operator");
    static final String OPERATOR_GROUP = "operator";
    /** Thresholds end up inside PromQL, so anything but a plain number could change the query. */
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    /** Prometheus instance pods are named {@code <cluster>-<n>}; Jobs such as {@code <cluster>-1-initdb} must not match. */
    private static final String POD_SELECTOR_SUFFIX = "-([1-9][0-9]*)$";
    /**
     * The {@code application_name} of this cluster's standbys in {@code pg_stat_replication} (instance names); logical
     * subscribers and base backups use other names. PromQL anchors the regex.
     */
    private static final String STANDBY_NAME_SUFFIX = "-[1-9][0-9]*";
    /** An instance's PVCs: data {@code <pod>}, WAL {@code <pod>-wal}, tablespaces {@code <pod>-tbs-<name>}. */
    private static final String PVC_SELECTOR_SUFFIX = "-([1-9][0-9]*)(-wal|-tbs-.+)?";

    private final List<Map<String, Object>> alerts;
    private final Map<String, String> defaultThresholds;

    private AlertCatalog(List<Map<String, Object>> alerts, Map<String, String> defaultThresholds) {
        this.alerts = alerts;
        this.defaultThresholds = defaultThresholds;
    }

    public static AlertCatalog load(SpecSchema schema) {
        return new AlertCatalog(loadAlerts(), defaultThresholds(schema));
    }

    /** Threshold defaults from {@code monitoring.thresholds} of the spec schema, in schema order. */
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
            String group = text(alert, "group");
            String severity = text(alert, "severity");
            String forDuration = text(alert, "for");
            String runbookFile = RUNBOOK_FOLDER + name + ".md";
            resolved.add(new ResolvedAlert(
                    name,
                    group,
                    severity,
                    staticLabels(group, ctx),
                    forDuration,
                    substitute(name, text(alert, "expr"), values),
                    substitute(name, text(alert, "summary"), values),
                    substitute(name, text(alert, "description"), values),
                    substitute(name, section(alert, runbook, "meaning", ctx), values),
                    substitute(name, section(alert, runbook, "impact", ctx), values),
                    substitute(name, section(alert, runbook, "diagnosis", ctx), values),
                    substitute(name, section(alert, runbook, "mitigation", ctx), values),
                    runbookFile,
                    ctx.runbookBaseUrl().isEmpty() ? runbookFile : ctx.runbookBaseUrl() + name + ".md",
                    azureSeverity(alert, severity, ctx),
                    iso8601(name, forDuration)));
        }
        return List.copyOf(resolved);
    }

    /**
     * {@code outage: true}, or a condition under which the alert is an outage; allowed on critical alerts only: a
     * warning cannot be an outage.
     */
    private static int azureSeverity(Map<String, Object> alert, String severity, AlertContext ctx) {
        Object outage = alert.getOrDefault("outage", false);
        boolean isOutage = outage instanceof Boolean b ? b : holds(alert, String.valueOf(outage), ctx);
        if (!isOutage) {
            return AZURE_SEVERITIES.get(severity);
        }
        if (!severity.equals("critical")) {
            throw new IllegalStateException("alert " + alert.get("name") + " is an outage but not critical");
        }
        return AZURE_OUTAGE_SEVERITY;
    }

    /** Operator alerts are the same for every cluster of the operator, so they carry no cluster label. */
    private static List<ResolvedMonitoring.Label> staticLabels(String group, AlertContext ctx) {
        return group.equals(OPERATOR_GROUP)
                ? List.of(new ResolvedMonitoring.Label("namespace", ctx.operatorNamespace()))
                : List.of(new ResolvedMonitoring.Label("namespace", ctx.namespace()),
                        new ResolvedMonitoring.Label("cnpg_cluster", ctx.cluster()));
    }

    private Map<String, String> placeholderValues(AlertContext ctx) {
        Map<String, String> values = clusterPlaceholders(ctx);
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
        long slotWarning = SlotRetentionThreshold.warningBytes(ctx.slotWalKeepBytes(),
                thresholds.get("replicationSlotRetainedWalWarningGiB"));
        values.put("slotRetainedWalWarningBytes", Long.toString(slotWarning));
        values.put("slotRetainedWalWarningGiB", gib(slotWarning));
        values.put("slotKeepSizePercent", plain(SlotRetentionThreshold.KEEP_SIZE_FRACTION.movePointRight(2)));
        values.put("slotWalKeepSize", ctx.slotWalKeepBytes() < 0 ? "unlimited" : gib(ctx.slotWalKeepBytes()) + " GiB");
        // Without the plugin an alert using it is a catalog bug, which the missing value reports.
        if (!ctx.deployments().plugin().isEmpty()) {
            values.put("pluginDeployment", ctx.deployments().plugin());
        }
        return values;
    }

    /** The placeholders that describe the cluster and its operator, shared with the dashboard's queries. */
    static Map<String, String> clusterPlaceholders(AlertContext ctx) {
        if (ctx.zoneCount() < 1 || ctx.instances() < 1) {
            throw new IllegalArgumentException("zoneCount and instances must be at least 1: " + ctx);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("namespace", ctx.namespace());
        values.put("cluster", ctx.cluster());
        values.put("podSelector", ctx.cluster() + POD_SELECTOR_SUFFIX);
        values.put("pvcSelector", ctx.cluster() + PVC_SELECTOR_SUFFIX);
        values.put("standbyNames", ctx.cluster() + STANDBY_NAME_SUFFIX);
        values.put("operatorNamespace", ctx.operatorNamespace());
        values.put("operatorDeployment", ctx.deployments().operator());
        values.put("zoneCount", Integer.toString(ctx.zoneCount()));
        values.put("instances", Integer.toString(ctx.instances()));
        values.put("synchronousNumber", Integer.toString(ctx.synchronousNumber()));
        return values;
    }

    /** {@code when:} is one condition or a list of conditions that must all hold. */
    private static boolean applies(Map<String, Object> alert, AlertContext ctx) {
        Object when = alert.get("when");
        List<?> conditions = when == null ? List.of() : when instanceof List<?> list ? list : List.of(when);
        return conditions.stream().allMatch(condition -> holds(alert, String.valueOf(condition), ctx));
    }

    /** A runbook section: its text, or the parts of it whose conditions hold, joined. */
    private static String section(Map<String, Object> alert, Map<String, Object> runbook, String key, AlertContext ctx) {
        Object value = runbook == null ? null : runbook.get(key);
        if (!(value instanceof List<?> parts)) {
            return text(runbook, key);
        }
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String s) {
                text.append(s);
            } else if (part instanceof Map<?, ?> conditional && conditional.get("text") instanceof String s) {
                Object when = conditional.get("when");
                List<?> conditions = when instanceof List<?> list ? list : List.of(String.valueOf(when));
                if (conditions.stream().allMatch(condition -> holds(alert, String.valueOf(condition), ctx))) {
                    text.append(s);
                }
            } else {
                throw new IllegalStateException("alert " + alert.get("name") + " has a runbook " + key
                        + " part that is neither a text nor {when, text}: " + part);
            }
        }
        if (text.toString().isBlank()) {
            throw new IllegalStateException("alert " + alert.get("name") + " has an empty runbook " + key);
        }
        return text.toString();
    }

    private static boolean holds(Map<String, Object> alert, String condition, AlertContext ctx) {
        return switch (condition) {
            case "expandable-storage" -> ctx.expandableStorage();
            case "fixed-storage" -> !ctx.expandableStorage();
            case "synchronous" -> ctx.synchronous();
            case "durability-required" -> ctx.synchronous() && ctx.durabilityRequired();
            case "durability-preferred" -> ctx.synchronous() && !ctx.durabilityRequired();
            case "three-zones" -> ctx.zoneCount() > 2;
            case "zonal-storage" -> ctx.expandableStorage() && !ctx.zoneRedundantStorage();
            case "zone-redundant-storage" -> ctx.zoneRedundantStorage();
            case "ha" -> ctx.highAvailability();
            case "several-standbys" -> ctx.severalStandbys();
            case "backup" -> ctx.backup();
            default -> throw new IllegalStateException("alert " + alert.get("name") + " has unknown condition '" + condition + "'");
        };
    }

    /** A catalog duration ({@code 90s}, {@code 5m}, {@code 1h}, {@code 1d}) as ISO 8601; empty when zero. */
    static String iso8601(String alertName, String duration) {
        Matcher m = DURATION.matcher(duration);
        if (!m.matches()) {
            throw new IllegalStateException("alert " + alertName + " has 'for: " + duration + "'; use <n>s, <n>m, <n>h or <n>d");
        }
        long amount = Long.parseLong(m.group(1));
        if (amount == 0) {
            return "";
        }
        String unit = m.group(2).toUpperCase(Locale.ROOT);
        return unit.equals("D") ? "P" + amount + "D" : "PT" + amount + unit;
    }

    /** Package-private so the error paths can be tested without a broken catalog on the classpath. */
    static String substitute(String alertName, String template, Map<String, String> values) {
        List<String> parts = PARSED.computeIfAbsent(template, t -> parse(alertName, t));
        StringBuilder out = new StringBuilder(template.length() + 64);
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                out.append(parts.get(i));
                continue;
            }
            String value = values.get(parts.get(i));
            if (value == null) {
                throw new IllegalStateException("alert " + alertName + " uses unknown placeholder %{" + parts.get(i) + "}");
            }
            out.append(value);
        }
        return out.toString();
    }

    /**
     * A catalog text split once into literal text (even indexes) and placeholder names (odd indexes): every cluster
     * of a fleet substitutes the same few hundred texts.
     */
    private static List<String> parse(String alertName, String template) {
        List<String> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        int at = 0;
        while (matcher.find()) {
            parts.add(template.substring(at, matcher.start()));
            parts.add(matcher.group(1));
            at = matcher.end();
        }
        parts.add(template.substring(at));
        for (int i = 0; i < parts.size(); i += 2) {
            // Values never contain "%{", so one left in the literal text is a malformed placeholder in the catalog.
            int leftover = parts.get(i).indexOf("%{");
            if (leftover >= 0) {
                throw new IllegalStateException("alert " + alertName + " has an unterminated placeholder near '"
                        + parts.get(i).substring(leftover, Math.min(parts.get(i).length(), leftover + 30)) + "'");
            }
        }
        return List.copyOf(parts);
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
            if (!AZURE_SEVERITIES.containsKey(severity)) {
                throw new IllegalStateException("alert " + alert.get("name") + " has invalid severity " + severity);
            }
            if (!GROUPS.contains(text(alert, "group"))) {
                throw new IllegalStateException("alert " + alert.get("name") + " has unknown group " + alert.get("group")
                        + "; known: " + GROUPS);
            }
            alerts.add(Collections.unmodifiableMap(alert));
        }
        return List.copyOf(alerts);
    }

    private static Map<String, String> defaultThresholds(SpecSchema schema) {
        JsonNode thresholds = schema.field(THRESHOLDS_FIELD)
                .orElseThrow(() -> new IllegalStateException("spec schema lacks " + THRESHOLDS_FIELD));
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String key : SpecSchema.propertyNames(thresholds)) {
            JsonNode value = thresholds.path("properties").path(key).path("default");
            if (!value.isNumber()) {
                throw new IllegalStateException("threshold " + key + " in the spec schema needs a numeric default");
            }
            defaults.put(key, plain(value.decimalValue()));
        }
        return Collections.unmodifiableMap(defaults);
    }

    /** Bytes as GiB for people, two decimals at most. */
    private static String gib(long bytes) {
        return plain(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << 30), 2, RoundingMode.HALF_UP));
    }

    /** A threshold as PromQL reads it: {@code 1e-5} from YAML becomes {@code 0.00001}, {@code 1.0} becomes {@code 1}. */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static Object loadResource(String resource) {
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
