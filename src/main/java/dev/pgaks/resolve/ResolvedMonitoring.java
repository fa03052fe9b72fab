package dev.pgaks.resolve;

import java.util.List;

/** Which Prometheus and Grafana the cluster reports to. */
public record ResolvedMonitoring(String prometheus, String grafana, String alertEmail, List<String> grafanaAdminPrincipalIds,
                                 String runbookBaseUrl) {}
