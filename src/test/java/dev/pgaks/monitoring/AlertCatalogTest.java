package dev.pgaks.monitoring;

import static dev.pgaks.monitoring.MonitoringTestSupport.CLUSTER;
import static dev.pgaks.monitoring.MonitoringTestSupport.NAMESPACE;
import static dev.pgaks.monitoring.MonitoringTestSupport.sampleContext;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.resolve.AlertCatalog;
import dev.pgaks.resolve.AlertContext;
import dev.pgaks.resolve.ResolvedAlert;
import dev.pgaks.load.SpecSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AlertCatalogTest {
    /** cluster chart 0.8.1 rule file -> pgaks alert with the same meaning (names kept identical on purpose). */
    private static final Map<String, String> CHART_ALERTS = Map.ofEntries(
            Map.entry("cluster-ha-critical.yaml", "CNPGClusterHACritical"),
            Map.entry("cluster-ha-warning.yaml", "CNPGClusterHAWarning"),
            Map.entry("cluster-high_connection-critical.yaml", "CNPGClusterHighConnectionsCritical"),
            Map.entry("cluster-high_connection-warning.yaml", "CNPGClusterHighConnectionsWarning"),
            Map.entry("cluster-high_replication_lag.yaml", "CNPGClusterPhysicalReplicationLagWarning"),
            Map.entry("cluster-instance_metrics_absent.yaml", "CNPGInstanceMetricsAbsent"),
            Map.entry("cluster-instances_on_same_node.yaml", "CNPGClusterInstancesOnSameNode"),
            Map.entry("cluster-logical_replication_errors-critical.yaml", "CNPGClusterLogicalReplicationErrorsCritical"),
            Map.entry("cluster-logical_replication_errors.yaml", "CNPGClusterLogicalReplicationErrors"),
            Map.entry("cluster-logical_replication_lagging-critical.yaml", "CNPGClusterLogicalReplicationLaggingCritical"),
            Map.entry("cluster-logical_replication_lagging.yaml", "CNPGClusterLogicalReplicationLagging"),
            Map.entry("cluster-logical_replication_stopped-critical.yaml", "CNPGClusterLogicalReplicationStopped"),
            Map.entry("cluster-logical_replication_stopped.yaml", "CNPGClusterLogicalReplicationStopped"),
            Map.entry("cluster-low_disk_space-critical.yaml", "CNPGClusterLowDiskSpaceCritical"),
            Map.entry("cluster-low_disk_space-warning.yaml", "CNPGClusterLowDiskSpaceWarning"),
            Map.entry("cluster-offline.yaml", "CNPGClusterOffline"),
            Map.entry("cluster-physical_replication_lag-critical.yaml", "CNPGClusterPhysicalReplicationLagCritical"),
            Map.entry("cluster-physical_replication_lag-warning.yaml", "CNPGClusterPhysicalReplicationLagWarning"),
            Map.entry("cluster-zone_spread-warning.yaml", "CNPGClusterZoneSpreadWarning"));

    /**
     * Chart rules folded into another alert: the chart's stopped pair is one condition at 5m and 15m, which paged
     * twice; its high replication lag is the physical lag warning seen from the primary, which paged twice and also
     * counted logical subscribers (review finding 7). Their severity is the surviving alert's.
     */
    private static final Set<String> MERGED = Set.of("cluster-logical_replication_stopped-critical.yaml",
            "cluster-high_replication_lag.yaml");

    /** Alerts pgaks adds on top of the chart. */
    private static final Set<String> ADDITIONS = Set.of(
            "CNPGClusterBackupFailed",
            "CNPGClusterBackupTooOld",
            "CNPGClusterNoBackupYet",
            "CNPGClusterWALArchivingFailing",
            "CNPGClusterNoSynchronousStandby",
            "CNPGClusterAllInstancesInOneZone",
            "CNPGClusterPVCFillingUp",
            "CNPGClusterXIDWraparoundApproaching",
            "CNPGClusterReplicationSlotWALRetention",
            "CNPGClusterConnectionsExhausted",
            "CNPGOperatorDown",
            "CNPGClusterNoPrimary",
            "CNPGClusterMultiplePrimaries",
            "CNPGClusterFenced",
            "CNPGClusterStandbyNotStreaming",
            "CNPGExporterCollectionErrors",
            "CNPGClusterPodCrashLooping",
            "CNPGClusterPodRestarting",
            "CNPGClusterPodPending",
            "CNPGClusterPVCNotBound",
            "CNPGClusterMultixactWraparoundApproaching",
            "CNPGClusterLongRunningTransaction",
            "CNPGClusterReplicationSlotAtRisk",
            "CNPGClusterReplicationSlotInactive",
            "CNPGClusterBackupMetricsAbsent",
            "CNPGClusterWALArchivingStuck",
            "CNPGOperatorReconcileErrors",
            "CNPGBarmanCloudPluginUnavailable",
            "CNPGCertificateExpiringSoon",
            "CNPGCertificateMetricsAbsent");

    /** Alerts about standbys, which a single instance does not have. */
    private static final Set<String> HA_ONLY = Set.of("CNPGClusterHACritical", "CNPGClusterHAWarning",
            "CNPGClusterNoSynchronousStandby", "CNPGClusterStandbyNotStreaming",
            "CNPGClusterPhysicalReplicationLagWarning", "CNPGClusterPhysicalReplicationLagCritical",
            "CNPGClusterInstancesOnSameNode", "CNPGClusterZoneSpreadWarning", "CNPGClusterAllInstancesInOneZone");

    private static final String SYNC_ONLY = "CNPGClusterNoSynchronousStandby";

    private final AlertCatalog catalog = AlertCatalog.load(SpecSchema.load());

    @Test
    void everyAlertHasAllFieldsResolved() {
        List<ResolvedAlert> alerts = catalog.resolve(sampleContext(true));
        assertAll(alerts.stream().map(alert -> () -> {
            String name = alert.name();
            assertTrue(name.matches("[A-Z][A-Za-z0-9]+"), name + " is not CamelCase");
            assertTrue(Set.of("critical", "warning", "info").contains(alert.severity()), name + " severity");
            assertTrue(alert.forDuration().matches("[0-9]+[smhd]"), name + " for: " + alert.forDuration());
            for (String field : List.of(alert.expr(), alert.summary(), alert.description(), alert.runbookMeaning(),
                    alert.runbookImpact(), alert.runbookDiagnosis(), alert.runbookMitigation())) {
                assertFalse(field.isBlank(), name + " has a blank field");
                assertFalse(field.contains("%{"), name + " has an unresolved placeholder: " + field);
            }
            // An operator alert is about every cluster the operator manages, and names none of them.
            String status = alert.operatorWide() ? "kubectl get clusters.postgresql.cnpg.io --all-namespaces"
                    : "kubectl cnpg status " + CLUSTER + " -n " + NAMESPACE;
            assertTrue(alert.runbookDiagnosis().contains(status), name + " diagnosis lacks " + status);
            if (alert.operatorWide()) {
                assertFalse(alert.runbookDiagnosis().contains(CLUSTER) || alert.runbookMitigation().contains(CLUSTER),
                        name + " is an operator alert and names cluster " + CLUSTER);
            }
            assertTrue(alert.runbookDiagnosis().contains("```promql\n"), name + " diagnosis lacks a promql block");
            // Runbooks are rendered as markdown, not by Prometheus, so alert templating would show up verbatim.
            assertFalse((alert.runbookMeaning() + alert.runbookImpact() + alert.runbookDiagnosis()
                    + alert.runbookMitigation()).contains("{{"), name + " runbook uses Prometheus templating");
            assertTrue(alert.expr().contains(NAMESPACE) || alert.expr().contains(MonitoringTestSupport.OPERATOR_NAMESPACE),
                    name + " expr is not scoped to a namespace");
        }));
    }

    @Test
    void namesAreUnique() {
        List<String> names = catalog.resolve(sampleContext(true)).stream().map(ResolvedAlert::name).toList();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = names.stream().filter(n -> !seen.add(n)).toList();
        assertTrue(duplicates.isEmpty(), "duplicate alert names: " + duplicates);
    }

    @Test
    void coversChartAlertsAndAdditions() {
        Set<String> names = names(catalog.resolve(sampleContext(true)));
        assertTrue(names.size() >= new HashSet<>(CHART_ALERTS.values()).size() + ADDITIONS.size(), "only " + names.size() + " alerts");
        Set<String> missing = new TreeSet<>(CHART_ALERTS.values());
        missing.addAll(ADDITIONS);
        missing.removeAll(names);
        assertTrue(missing.isEmpty(), "missing alerts: " + missing);
    }

    /** Guards the mapping itself: a new or renamed chart rule, or a changed severity, must be noticed. */
    @Test
    void chartMappingMatchesReferenceRules() throws IOException {
        Path dir = MonitoringTestSupport.reference("helm/cluster/prometheus_rules");
        Map<String, String> severities = catalog.resolve(sampleContext(true)).stream()
                .collect(Collectors.toMap(ResolvedAlert::name, ResolvedAlert::severity));
        Pattern alertName = Pattern.compile("\\$alert := \"([A-Za-z]+)\"");
        Pattern severity = Pattern.compile("(?m)^\\s+severity: (\\w+)");
        Map<String, String> chartFileToAlert = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(file);
                Matcher name = alertName.matcher(text);
                Matcher sev = severity.matcher(text);
                assertTrue(name.find() && sev.find(), "cannot read alert from " + file);
                String chartFile = file.getFileName().toString();
                chartFileToAlert.put(chartFile, MERGED.contains(chartFile) ? CHART_ALERTS.get(chartFile) : name.group(1));
                if (!MERGED.contains(chartFile)) {
                    assertEquals(sev.group(1), severities.get(name.group(1)), "severity of " + name.group(1));
                }
            }
        }
        assertEquals(new TreeMap<>(CHART_ALERTS), chartFileToAlert);
    }

    @Test
    void synchronousOnlyAlertIsDroppedForAsynchronousClusters() {
        List<String> sync = catalog.resolve(sampleContext(true)).stream().map(ResolvedAlert::name).toList();
        List<String> async = catalog.resolve(sampleContext(false)).stream().map(ResolvedAlert::name).toList();
        assertTrue(sync.contains(SYNC_ONLY));
        assertFalse(async.contains(SYNC_ONLY));
        assertEquals(sync.stream().filter(n -> !n.equals(SYNC_ONLY)).toList(), async, "order must not change");
    }

    @Test
    void resolutionIsDeterministicAndUsesContext() {
        AlertContext ctx = new AlertContext("db", "orders", "ops", 2, 5, false,
                Map.of("backupMaxAgeHours", "8", "connectionsWarningPercent", "60"), "", MonitoringTestSupport.DEPLOYMENTS);
        List<ResolvedAlert> first = catalog.resolve(ctx);
        assertEquals(first, AlertCatalog.load(SpecSchema.load()).resolve(ctx));
        Map<String, ResolvedAlert> byName = first.stream().collect(Collectors.toMap(ResolvedAlert::name, Function.identity()));
        assertTrue(byName.get("CNPGClusterBackupTooOld").expr().contains("> 8 * 3600"));
        assertTrue(byName.get("CNPGClusterHighConnectionsWarning").expr().contains("> 60"));
        assertTrue(byName.get("CNPGClusterHighConnectionsCritical").expr().contains("> 95"), "default kept");
        assertTrue(byName.get("CNPGClusterOffline").expr().contains("namespace=\"db\", cnpg_cluster=\"orders\""));
        assertTrue(byName.get("CNPGClusterInstancesOnSameNode").expr().contains("pod=~\"orders-([1-9][0-9]*)$\""));
        assertTrue(byName.get("CNPGClusterAllInstancesInOneZone").expr().contains("node!=\"\"}) < 2 == 1\n"));
        assertTrue(byName.get("CNPGOperatorDown").expr().contains("namespace=\"ops\""));
    }

    @Test
    void singleInstanceClusterHasNoStandbyAlerts() {
        Set<String> single = names(catalog.resolve(new AlertContext(NAMESPACE, CLUSTER, "cnpg-system", 3, 1, 0, false, true, -1,
                Map.of(), "", MonitoringTestSupport.DEPLOYMENTS, true)));
        Set<String> present = new TreeSet<>(HA_ONLY);
        present.retainAll(single);
        assertEquals(Set.of(), present, "HA alerts would fire forever on a single instance");
        assertTrue(single.contains("CNPGClusterOffline"));
    }

    @Test
    void backupAlertsNeedBackups() {
        Set<String> withoutBackup = names(catalog.resolve(new AlertContext(NAMESPACE, CLUSTER, "cnpg-system", 3, 3, 1,
                true, false, -1, Map.of(), "", MonitoringTestSupport.DEPLOYMENTS, true)));
        assertFalse(withoutBackup.contains("CNPGClusterBackupMetricsAbsent"));
        assertFalse(withoutBackup.contains("CNPGClusterBackupTooOld"));
        assertFalse(withoutBackup.contains("CNPGCertificateExpiringSoon"), "only the plugin has cert-manager certificates");
        assertTrue(names(catalog.resolve(sampleContext(true))).contains("CNPGClusterBackupMetricsAbsent"));
    }

    /** Past max_slot_wal_keep_size the slot is invalidated and its metric NaN, so the warning must come first. */
    @Test
    void slotRetentionWarningStaysBelowTheKeepSize() {
        assertEquals(Long.toString((long) (0.6 * (10L << 30))), slotThreshold(10L << 30, Map.of()), "60% of 10 GiB");
        assertEquals(Long.toString(10L << 30), slotThreshold(100L << 30, Map.of()), "the spec's 10 GiB is lower");
        assertEquals(Long.toString(10L << 30), slotThreshold(-1, Map.of()), "unlimited retention");
        assertEquals(Long.toString(2L << 30), slotThreshold(10L << 30, Map.of("replicationSlotRetainedWalWarningGiB", "2")));
    }

    private String slotThreshold(long keepBytes, Map<String, String> thresholds) {
        String expr = catalog.resolve(new AlertContext(NAMESPACE, CLUSTER, "cnpg-system", 3, 3, 1, true, true, keepBytes,
                thresholds, "", MonitoringTestSupport.DEPLOYMENTS, true)).stream().filter(a -> a.name().equals("CNPGClusterReplicationSlotWALRetention"))
                .findFirst().orElseThrow().expr();
        return expr.substring(expr.lastIndexOf("> ") + 2).strip();
    }

    /** Routing must not depend on what a query happens to return; operator alerts name no cluster. */
    @Test
    void everyRuleCarriesItsNamespaceAndCluster() {
        for (ResolvedAlert alert : catalog.resolve(sampleContext(true))) {
            Map<String, String> labels = alert.labels().stream()
                    .collect(Collectors.toMap(l -> l.key(), l -> l.value()));
            if (alert.group().equals("operator")) {
                assertEquals(Map.of("namespace", MonitoringTestSupport.OPERATOR_NAMESPACE), labels, alert.name());
                assertFalse(alert.description().contains(CLUSTER), alert.name() + " must not name a cluster");
            } else {
                assertEquals(Map.of("namespace", NAMESPACE, "cnpg_cluster", CLUSTER), labels, alert.name());
            }
        }
    }

    /**
     * With dataDurability preferred, writes go on without synchronous standbys: a lost guarantee, a warning that says
     * so, not a critical alert saying commits wait (review finding 8).
     */
    @Test
    void missingSynchronousStandbyIsAnOutageOnlyWhenDurabilityIsRequired() {
        AlertContext preferred = new AlertContext(NAMESPACE, CLUSTER, "cnpg-system", 3, 3, 1, false, true, -1, Map.of(), "", MonitoringTestSupport.DEPLOYMENTS, true);
        ResolvedAlert alert = catalog.resolve(preferred).stream()
                .filter(a -> a.name().equals("CNPGClusterNoSynchronousStandby")).findFirst().orElseThrow();
        assertEquals("warning", alert.severity());
        assertEquals(2, alert.azureSeverity());
        assertTrue(alert.description().contains("commits are no longer protected by a synchronous standby"), alert.description());
        assertFalse(alert.description().contains("commits wait"), alert.description());
        ResolvedAlert required = catalog.resolve(sampleContext(true)).stream()
                .filter(a -> a.name().equals("CNPGClusterNoSynchronousStandby")).findFirst().orElseThrow();
        assertEquals("critical", required.severity());
        assertEquals(0, required.azureSeverity());
        assertTrue(required.description().contains("commits wait for 1"), required.description());
    }

    /** Review finding 6: with two zones the zone warning could only mean "all in one zone", the critical alert. */
    @Test
    void zoneWarningNeedsAZoneToSpareAndEndsWhereTheCriticalBegins() {
        Set<String> twoZones = names(catalog.resolve(new AlertContext(NAMESPACE, CLUSTER, "cnpg-system", 2, 2, 0, false, true,
                -1, Map.of(), "", MonitoringTestSupport.DEPLOYMENTS, true)));
        assertTrue(twoZones.contains("CNPGClusterAllInstancesInOneZone"));
        assertFalse(twoZones.contains("CNPGClusterZoneSpreadWarning"));
        ResolvedAlert warning = catalog.resolve(sampleContext(true)).stream()
                .filter(a -> a.name().equals("CNPGClusterZoneSpreadWarning")).findFirst().orElseThrow();
        assertTrue(warning.expr().contains("< 3 > 1\n"), warning.expr());
    }

    /** Review finding 4: ZRS disks attach in every zone, so only zonal and node-local volumes pin a pod. */
    @Test
    void zoneSpreadAdviceFollowsTheStorageType() {
        Map<String, AlertContext> contexts = Map.of(
                "zrs", new AlertContext(NAMESPACE, CLUSTER, "cnpg-system", 3, 3, 1, true, true, -1, Map.of(), "",
                        MonitoringTestSupport.DEPLOYMENTS, true, true),
                "lrs", new AlertContext(NAMESPACE, CLUSTER, "cnpg-system", 3, 3, 1, true, true, -1, Map.of(), "",
                        MonitoringTestSupport.DEPLOYMENTS, true, false),
                "nvme", new AlertContext(NAMESPACE, CLUSTER, "cnpg-system", 3, 3, 1, true, true, -1, Map.of(), "",
                        MonitoringTestSupport.DEPLOYMENTS, false, false));
        Map<String, String> advice = new TreeMap<>();
        contexts.forEach((storage, ctx) -> advice.put(storage, catalog.resolve(ctx).stream()
                .filter(a -> a.name().equals("CNPGClusterZoneSpreadWarning")).findFirst().orElseThrow().runbookMitigation()));
        assertTrue(advice.get("zrs").contains("attach in every zone"), advice.get("zrs"));
        assertFalse(advice.get("zrs").contains("kubectl cnpg destroy"), advice.get("zrs"));
        assertFalse(advice.get("zrs").contains("zonal Azure disks"), advice.get("zrs"));
        assertTrue(advice.get("lrs").contains("zonal Azure disks (LRS)") && advice.get("lrs").contains("kubectl cnpg destroy"),
                advice.get("lrs"));
        assertTrue(advice.get("nvme").contains("node-local NVMe") && !advice.get("nvme").contains("zonal Azure"), advice.get("nvme"));
    }

    /**
     * Review finding 4: in a split brain the diverged instance may hold the only copy of acknowledged writes, so it is
     * dumped and fenced before anything else, and destroyed only when its dump exists.
     */
    @Test
    void splitBrainKeepsTheDivergedWritesBeforeDestroying() {
        String mitigation = catalog.resolve(sampleContext(true)).stream()
                .filter(a -> a.name().equals("CNPGClusterMultiplePrimaries")).findFirst().orElseThrow().runbookMitigation();
        int dump = mitigation.indexOf("pg_dumpall > \"diverged-$INSTANCE.sql\"");
        int fence = mitigation.indexOf("kubectl cnpg fencing on");
        int compare = mitigation.indexOf("Compare the dump with the primary");
        int destroy = mitigation.indexOf("kubectl cnpg destroy");
        assertTrue(dump >= 0 && dump < fence && fence < compare && compare < destroy, mitigation);
        assertTrue(mitigation.contains("if [ -s \"diverged-$INSTANCE.sql\" ]"), mitigation);
    }

    @Test
    void twoInstancesHaveNoPartialStandbyLoss() {
        Set<String> two = names(catalog.resolve(new AlertContext(NAMESPACE, CLUSTER, "cnpg-system", 2, 2, 0, false, true,
                -1, Map.of(), "", MonitoringTestSupport.DEPLOYMENTS, true)));
        assertTrue(two.contains("CNPGClusterHACritical"));
        assertFalse(two.contains("CNPGClusterHAWarning"), "one standby is either streaming or not");
    }

    @Test
    void onlyOutagesAreSev0() {
        Set<String> sev0 = catalog.resolve(sampleContext(true)).stream().filter(a -> a.azureSeverity() == 0)
                .map(ResolvedAlert::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("CNPGClusterOffline", "CNPGClusterNoPrimary", "CNPGClusterMultiplePrimaries",
                "CNPGClusterNoSynchronousStandby", "CNPGClusterConnectionsExhausted")), sev0);
    }

    @Test
    void defaultThresholdsComeFromSchema() {
        Map<String, String> defaults = catalog.defaultThresholds();
        assertEquals("26", defaults.get("backupMaxAgeHours"));
        assertEquals("80", defaults.get("connectionsWarningPercent"));
        assertTrue(defaults.keySet().stream().allMatch(k -> k.matches("[a-z][A-Za-z0-9]+")), "camelCase keys");
    }

    /** Issue 9 defect 15: the chart's Deployment is cnpg-cloudnative-pg, not the manifest install's name. */
    @Test
    void operatorAlertsSelectTheRenderedDeployments() {
        AlertContext ctx = new AlertContext("db", "orders", "ops", 3, 3, false, Map.of(), "",
                new AlertContext.Deployments("op-cloudnative-pg", "plug-plugin-barman-cloud"));
        Map<String, ResolvedAlert> byName = catalog.resolve(ctx).stream()
                .collect(Collectors.toMap(ResolvedAlert::name, Function.identity()));
        ResolvedAlert down = byName.get("CNPGOperatorDown");
        assertTrue(down.expr().contains("namespace=\"ops\", deployment=\"op-cloudnative-pg\"}"), down.expr());
        assertTrue(down.runbookMitigation().contains("kubectl rollout restart deployment/op-cloudnative-pg -n ops"));
        assertTrue(byName.get("CNPGBarmanCloudPluginUnavailable").expr().contains("deployment=\"plug-plugin-barman-cloud\"}"));
        for (ResolvedAlert alert : byName.values()) {
            assertFalse(runbook(alert).contains("cnpg-controller-manager"), alert.name());
        }
    }

    /**
     * A rebuilt instance loses both claims, data and WAL, only through kubectl cnpg destroy; instances that are
     * destroyed, promoted or unfenced are chosen by a person or computed, never a fixed name such as -1.
     */
    @Test
    void runbooksRebuildInstancesWithCnpgDestroyOnChosenInstances() {
        Pattern instanceCommand = Pattern.compile("kubectl cnpg (destroy|promote|fencing (on|off)) " + CLUSTER + " (\\S+)");
        int commands = 0;
        for (ResolvedAlert alert : catalog.resolve(sampleContext(true))) {
            String text = runbook(alert);
            assertFalse(text.contains("delete pvc"), alert.name() + " deletes a PVC by hand");
            Matcher m = instanceCommand.matcher(text);
            while (m.find()) {
                commands++;
                assertTrue(m.group(3).startsWith("\"$"), alert.name() + ": " + m.group());
            }
        }
        assertTrue(commands > 10, commands + " instance commands");
    }

    /** Local NVMe volumes cannot grow: their runbooks must not tell anyone to raise the storage size. */
    @Test
    void fixedStorageRunbooksNeverGrowVolumes() {
        AlertContext expandable = sampleContext(true);
        AlertContext fixed = new AlertContext(expandable.namespace(), expandable.cluster(), expandable.operatorNamespace(),
                3, 3, 1, true, true, MonitoringTestSupport.SLOT_KEEP_BYTES, Map.of(), "", MonitoringTestSupport.DEPLOYMENTS, false);
        Pattern grow = Pattern.compile("(?i)\\bgrow (it|the)|storage\\.size|expand");
        List<String> growing = catalog.resolve(fixed).stream().filter(a -> grow.matcher(runbook(a)).find())
                .map(ResolvedAlert::name).toList();
        assertEquals(List.of(), growing);
        List<String> expandableGrowing = catalog.resolve(expandable).stream().filter(a -> grow.matcher(runbook(a)).find())
                .map(ResolvedAlert::name).toList();
        assertTrue(expandableGrowing.containsAll(List.of("CNPGClusterLowDiskSpaceWarning", "CNPGClusterLowDiskSpaceCritical",
                "CNPGClusterPVCFillingUp")), expandableGrowing.toString());
        assertEquals(catalog.resolve(expandable).size(), catalog.resolve(fixed).size(), "storage changes texts, not alerts");
    }

    /**
     * The catalog's substitutions are not shell-quoted, so runbook shell blocks may only use values whose syntax
     * makes them safe words: RFC 1123 names (schema patterns) and the Deployment names derived from fixed releases.
     */
    @Test
    void shellBlocksSubstituteOnlyShellSafeNames() throws IOException {
        Set<String> safe = Set.of("namespace", "cluster", "operatorNamespace", "operatorDeployment", "pluginDeployment");
        String catalogText;
        try (InputStream in = AlertCatalog.class.getResourceAsStream("/monitoring/alerts.yaml")) {
            catalogText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher block = Pattern.compile("```(?:bash|sh)\\n(.*?)```", Pattern.DOTALL).matcher(catalogText);
        Set<String> used = new TreeSet<>();
        int blocks = 0;
        while (block.find()) {
            blocks++;
            Matcher placeholder = Pattern.compile("%\\{([^}]*)}").matcher(block.group(1));
            while (placeholder.find()) {
                used.add(placeholder.group(1));
            }
        }
        assertTrue(blocks > 60, blocks + " shell blocks");
        used.removeAll(safe);
        assertEquals(Set.of(), used, "placeholders in shell blocks that would need quoting");
    }

    private static String runbook(ResolvedAlert alert) {
        return alert.runbookMeaning() + alert.runbookImpact() + alert.runbookDiagnosis() + alert.runbookMitigation();
    }

    private static Set<String> names(List<ResolvedAlert> alerts) {
        return alerts.stream().map(ResolvedAlert::name).collect(Collectors.toSet());
    }
}
