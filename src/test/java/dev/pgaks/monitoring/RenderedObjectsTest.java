package dev.pgaks.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.testsupport.GoldenCases;
import dev.pgaks.k8s.KustomizeBuild;
import dev.pgaks.k8s.Manifests;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.verify.CrdSchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Kubernetes objects of the monitoring output, as kubectl would apply them. */
class RenderedObjectsTest {

    private static final String POOLER_LABEL = "cnpg.io/poolerName";
    private static final Map<String, Object> CERT_MANAGER_CONTROLLER = Map.of("app.kubernetes.io/name", "cert-manager",
            "app.kubernetes.io/component", "controller");

    @TempDir
    Path tmp;


    @Test
    void azureManagedPrometheusReadsItsOwnPodMonitorGroup() {
        assertTrue(podMonitors("reference").stream().allMatch(p -> p.get("apiVersion").equals("azmonitoring.coreos.com/v1")));
        assertTrue(podMonitors("prometheus-operator").stream().allMatch(p -> p.get("apiVersion").equals("monitoring.coreos.com/v1")));
    }

    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#names")
    void podMonitorsSelectInstancesAndOperatorOnTheirMetricsPort(String goldenCase) {
        Map<String, Map<String, Object>> byNamespace = podMonitors(goldenCase).stream()
                .filter(p -> !matchLabels(p).containsKey(POOLER_LABEL) && !matchLabels(p).equals(CERT_MANAGER_CONTROLLER))
                .collect(Collectors.toMap(p -> (String) metadata(p).get("namespace"), p -> p));
        Map<String, Object> cluster = Manifests.loadAll(RenderedMonitoring.file(goldenCase, "k8s/cluster.yaml")).get(0);
        String namespace = (String) metadata(cluster).get("namespace");
        String name = (String) metadata(cluster).get("name");
        assertEquals(2, byNamespace.size(), "one PodMonitor for the instances, one for the operator");
        Map<String, Object> instances = byNamespace.get(namespace);
        assertEquals(Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"), matchLabels(instances));
        assertEquals("metrics", port(instances));
        Map<String, Object> operator = byNamespace.entrySet().stream().filter(e -> !e.getKey().equals(namespace))
                .findFirst().orElseThrow().getValue();
        assertEquals(Map.of("app.kubernetes.io/name", "cloudnative-pg"), matchLabels(operator));
        assertEquals("metrics", port(operator));
        assertFalse(RenderedMonitoring.file(goldenCase, "k8s/cluster.yaml").contains("enablePodMonitor"),
                "the Cluster's enablePodMonitor is deprecated");
    }

    /**
     * Review finding 1: the certificate alerts read cert-manager's metrics, so wherever cert-manager is installed its
     * controller (chart labels, port http-metrics) is scraped with honorLabels: without it the Certificate's namespace
     * label becomes exported_namespace and the alerts' namespace filter matches nothing.
     */
    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#names")
    @SuppressWarnings("unchecked")
    void certManagerIsScrapedWhereverItIsInstalled(String goldenCase) {
        boolean installed = RenderedMonitoring.renders(goldenCase, "helm/cert-manager.values.yaml");
        List<Map<String, Object>> monitors = podMonitors(goldenCase).stream()
                .filter(p -> matchLabels(p).equals(CERT_MANAGER_CONTROLLER)).toList();
        assertEquals(installed ? 1 : 0, monitors.size(), goldenCase);
        for (Map<String, Object> monitor : monitors) {
            assertEquals("cert-manager", metadata(monitor).get("namespace"));
            assertEquals("http-metrics", port(monitor));
            List<Map<String, Object>> endpoints = (List<Map<String, Object>>) ((Map<String, Object>) monitor.get("spec")).get("podMetricsEndpoints");
            assertEquals(Boolean.TRUE, endpoints.get(0).get("honorLabels"));
        }
    }

    /**
     * Review finding 3: managed Prometheus keeps only its minimal list of kube-state-metrics series, so the settings
     * ConfigMap keeps exactly those the rendered rules read (kube_persistentvolumeclaim_status_phase among them).
     */
    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#names")
    @SuppressWarnings("unchecked")
    void managedPrometheusKeepsTheKubeStateSeriesTheRulesRead(String goldenCase) {
        String path = "monitoring/manual/ama-metrics-settings-configmap.yaml";
        boolean azure = RenderedMonitoring.renders(goldenCase, "infra/modules/alerts.bicep");
        assertEquals(azure, RenderedMonitoring.renders(goldenCase, path), goldenCase);
        if (!azure) {
            return;
        }
        Map<String, Object> configMap = Manifests.loadAll(RenderedMonitoring.file(goldenCase, path)).get(0);
        assertEquals(Map.of("name", "ama-metrics-settings-configmap", "namespace", "kube-system"),
                Map.of("name", metadata(configMap).get("name"), "namespace", metadata(configMap).get("namespace")));
        Map<String, Object> data = (Map<String, Object>) configMap.get("data");
        assertEquals("v1", data.get("schema-version"));
        String keepList = (String) data.get("default-targets-metrics-keep-list");
        java.util.regex.Matcher kubestate = java.util.regex.Pattern.compile("(?m)^kubestate = \"([a-z_|]+)\"$").matcher(keepList);
        assertTrue(kubestate.find(), keepList);
        assertTrue(keepList.contains("minimalingestionprofile = true"), keepList);
        java.util.TreeSet<String> used = new java.util.TreeSet<>();
        java.util.regex.Matcher metric = java.util.regex.Pattern.compile("\\bkube_[a-z_]+[a-z]\\b")
                .matcher(RenderedMonitoring.file(goldenCase, "infra/modules/alerts.bicep"));
        while (metric.find()) {
            used.add(metric.group());
        }
        assertEquals(String.join("|", used), kubestate.group(1));
        assertTrue(used.contains("kube_persistentvolumeclaim_status_phase"), used.toString());
    }

    /** PgBouncer's exporter listens on the pods' metrics port; CNPG labels them with the Pooler's name. */
    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#names")
    void poolerPodMonitorSelectsThePoolerPods(String goldenCase) {
        List<Map<String, Object>> poolers = RenderedMonitoring.file(goldenCase, "k8s/kustomization.yaml").contains("- pooler.yaml")
                ? Manifests.loadAll(RenderedMonitoring.file(goldenCase, "k8s/pooler.yaml")) : List.of();
        List<Map<String, Object>> monitors = podMonitors(goldenCase).stream()
                .filter(p -> matchLabels(p).containsKey(POOLER_LABEL)).toList();
        assertEquals(poolers.size(), monitors.size(), "one PodMonitor per Pooler");
        for (int i = 0; i < poolers.size(); i++) {
            assertEquals(Map.of(POOLER_LABEL, metadata(poolers.get(i)).get("name")), matchLabels(monitors.get(i)));
            assertEquals(metadata(poolers.get(i)).get("namespace"), metadata(monitors.get(i)).get("namespace"));
            assertEquals("metrics", port(monitors.get(i)));
        }
    }

    @Test
    void poolerPodMonitorInBothMonitoringFlavours() {
        for (String goldenCase : List.of("pooler", "prometheus-operator")) {
            assertTrue(podMonitors(goldenCase).stream().anyMatch(p -> matchLabels(p).containsKey(POOLER_LABEL)), goldenCase);
        }
    }

    /**
     * Rules select on cnpg_cluster, so every instance series must get it; the exporter's own `cluster` label (the
     * CNPG cluster name) must not reach Azure, whose rule groups filter on cluster = the AKS cluster.
     */
    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#names")
    void instanceSeriesGetCnpgClusterAndLoseTheExporterClusterLabel(String goldenCase) {
        Map<String, Object> cluster = Manifests.loadAll(RenderedMonitoring.file(goldenCase, "k8s/cluster.yaml")).get(0);
        String name = (String) metadata(cluster).get("name");
        Map<String, Object> instances = podMonitors(goldenCase).stream()
                .filter(p -> metadata(p).get("name").equals(name)).findFirst().orElseThrow();
        Map<String, Object> endpoint = ((List<Map<String, Object>>) ((Map<String, Object>) instances.get("spec"))
                .get("podMetricsEndpoints")).get(0);
        assertEquals(List.of(Map.of("sourceLabels", List.of("__meta_kubernetes_pod_label_cnpg_io_cluster"),
                "targetLabel", "cnpg_cluster")), endpoint.get("relabelings"));
        List<Map<String, Object>> metricRelabelings = (List<Map<String, Object>>) endpoint.get("metricRelabelings");
        assertEquals(Map.of("sourceLabels", List.of("cluster"), "regex", name, "targetLabel", "cluster", "replacement", ""),
                metricRelabelings.get(0), "an empty replacement removes the label");
    }

    /** Azure's PodMonitor templates set these limits; the agent may drop jobs without them. */
    @Test
    void azurePodMonitorsCarryTheLabelLimits() {
        for (Map<String, Object> podMonitor : podMonitors("reference")) {
            Map<?, ?> spec = (Map<?, ?>) podMonitor.get("spec");
            assertEquals(63, spec.get("labelLimit"));
            assertEquals(511, spec.get("labelNameLengthLimit"));
            assertEquals(1023, spec.get("labelValueLengthLimit"));
        }
        podMonitors("prometheus-operator").forEach(p -> assertFalse(((Map<?, ?>) p.get("spec")).containsKey("labelLimit")));
    }

    @Test
    void prometheusRuleIsRenderedOnlyForThePrometheusOperator() {
        assertFalse(RenderedMonitoring.renders("reference", RenderedMonitoring.PROMETHEUS_RULE));
        assertTrue(RenderedMonitoring.renders("reference", RenderedMonitoring.ALERTS_BICEP));
        assertFalse(RenderedMonitoring.renders("prometheus-operator", RenderedMonitoring.ALERTS_BICEP));
        Map<String, Object> rule = Manifests.loadAll(RenderedMonitoring.file("prometheus-operator", RenderedMonitoring.PROMETHEUS_RULE)).get(0);
        assertEquals("monitoring.coreos.com/v1", rule.get("apiVersion"));
        assertEquals("PrometheusRule", rule.get("kind"));
        assertEquals("billing-db", metadata(rule).get("namespace"));
        assertTrue(((String) metadata(rule).get("name")).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"));
    }

    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#names")
    void clusterReadsTheLogicalReplicationQueries(String goldenCase) {
        Map<String, Object> cluster = Manifests.loadAll(RenderedMonitoring.file(goldenCase, "k8s/cluster.yaml")).get(0);
        List<String> problems = CrdSchemaValidator.shipped().validate(cluster);
        assertEquals(List.of(), problems, "Cluster does not validate against the CRD");
        @SuppressWarnings("unchecked")
        Map<String, Object> monitoring = (Map<String, Object>) ((Map<String, Object>) cluster.get("spec")).get("monitoring");
        @SuppressWarnings("unchecked")
        Map<String, Object> reference = ((List<Map<String, Object>>) monitoring.get("customQueriesConfigMap")).get(0);
        Map<String, Object> configMap = Manifests.loadAll(RenderedMonitoring.file(goldenCase, "k8s/logical-replication-queries.yaml")).get(0);
        assertEquals(reference.get("name"), metadata(configMap).get("name"));
        assertEquals(metadata(cluster).get("namespace"), metadata(configMap).get("namespace"));
        @SuppressWarnings("unchecked")
        String queries = (String) ((Map<String, Object>) configMap.get("data")).get(reference.get("key"));
        assertTrue(queries.contains("pg_stat_subscription:"), "custom queries under key " + reference.get("key"));
        assertTrue(RenderedMonitoring.file(goldenCase, "k8s/kustomization.yaml").contains("- logical-replication-queries.yaml"));
    }

    /** PostgreSQL 16 has pg_stat_subscription_stats but not worker_type (17); the reference case runs 18. */
    @Test
    void customQueriesFollowThePostgresVersion() {
        String pg16 = RenderedMonitoring.file("prometheus-operator", "k8s/logical-replication-queries.yaml");
        String pg18 = RenderedMonitoring.file("reference", "k8s/logical-replication-queries.yaml");
        assertTrue(pg16.contains("apply_error_count") && !pg16.contains("worker_type"));
        assertTrue(pg18.contains("apply_error_count") && pg18.contains("worker_type"));
    }

    @ParameterizedTest
    @MethodSource("dev.pgaks.testsupport.GoldenCases#names")
    void monitoringKustomizationBuilds(String goldenCase) throws IOException {
        write(goldenCase);
        List<Map<String, Object>> objects = Manifests.loadAll(KustomizeBuild.build(tmp.resolve("monitoring")));
        List<String> kinds = objects.stream().map(o -> (String) o.get("kind")).sorted().toList();
        boolean operator = RenderedMonitoring.renders(goldenCase, RenderedMonitoring.PROMETHEUS_RULE);
        boolean sidecar = Files.readString(GoldenCases.spec(goldenCase)).contains("grafana: sidecar-configmap");
        assertEquals(sidecar ? 1 : 0, kinds.stream().filter("ConfigMap"::equals).count(), "the dashboard ConfigMap: " + kinds);
        // The add-on's settings are one ConfigMap per AKS cluster, maybe the team's own: applied by hand, never by the kustomization.
        assertTrue(objects.stream().noneMatch(o -> "ama-metrics-settings-configmap".equals(metadata(o).get("name"))), kinds.toString());
        // The cluster's rules and the operator's, which live in the operator namespace.
        assertEquals(operator ? 2 : 0, kinds.stream().filter("PrometheusRule"::equals).count(), kinds.toString());
        boolean pooler = RenderedMonitoring.file(goldenCase, "k8s/kustomization.yaml").contains("- pooler.yaml");
        boolean certManager = RenderedMonitoring.renders(goldenCase, "helm/cert-manager.values.yaml");
        assertEquals(2 + (pooler ? 1 : 0) + (certManager ? 1 : 0), kinds.stream().filter("PodMonitor"::equals).count(), kinds.toString());
        objects.stream().filter(o -> o.get("kind").equals("ConfigMap")).forEach(configMap -> {
            assertEquals("1", ((Map<?, ?>) metadata(configMap).get("labels")).get("grafana_dashboard"));
            Map<?, ?> data = (Map<?, ?>) configMap.get("data");
            String json = (String) data.values().iterator().next();
            assertTrue(json.contains(RenderedMonitoring.dashboard(goldenCase).path("uid").asText()), "dashboard JSON in the ConfigMap");
        });
    }

    private void write(String goldenCase) throws IOException {
        for (RenderedFile file : GoldenCases.rendered(goldenCase)) {
            Path target = tmp.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
        }
    }

    private static List<Map<String, Object>> podMonitors(String goldenCase) {
        return GoldenCases.rendered(goldenCase, "monitoring/podmonitor-").stream()
                .map(f -> Manifests.loadAll(f.text()).get(0)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> matchLabels(Map<String, Object> podMonitor) {
        Map<String, Object> spec = (Map<String, Object>) podMonitor.get("spec");
        return (Map<String, Object>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
    }

    @SuppressWarnings("unchecked")
    private static String port(Map<String, Object> podMonitor) {
        Map<String, Object> spec = (Map<String, Object>) podMonitor.get("spec");
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("podMetricsEndpoints");
        assertEquals(1, endpoints.size());
        return (String) endpoints.get(0).get("port");
    }
}
