package dev.pgaks.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgaks.facts.AzureLimits;
import dev.pgaks.load.SpecSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code param} of {@code main.bicep} and its modules, declared once: a value passed from {@code main.bicep}
 * to a module keeps its name, type, description and decorators, so that the two declarations cannot drift apart.
 * {@code templates/infra/parameters.bicep.ftl} lays them out. An {@code @allowed} list is the schema's enum of the
 * spec field the value comes from, never a copy of it.
 */
public final class BicepParameters {

    /** {@code @minLength}, {@code @maxLength}, {@code @minValue} or {@code @maxValue} with its argument. */
    public record Bound(String decorator, long value) {}

    /**
     * @param allowedFrom JSON pointer of the spec field whose schema enum is the {@code @allowed} list; empty for none
     */
    public record Parameter(String name, String type, String description, String allowedFrom, List<String> allowed,
                            List<Bound> bounds) {}

    private final Map<String, Parameter> table = new LinkedHashMap<>();
    private final SpecSchema schema;

    private BicepParameters(SpecSchema schema) {
        this.schema = schema;
    }

    /** Name to parameter, in declaration order here; templates pick the ones each file needs. */
    public Map<String, Parameter> table() {
        return table;
    }

    public static BicepParameters of(SpecSchema schema) {
        BicepParameters p = new BicepParameters(schema);
        p.add("location", "string", "Azure region of every resource; it must offer availability zones.");
        p.add("tags", "object", "Tags set on every taggable resource.");

        p.add("controlPlaneIdentityName", "string", "Name of the identity the AKS control plane runs as.", length(3, 128));
        p.add("controlPlaneIdentityId", "string", "Resource ID of the identity the control plane runs as.");
        p.add("workloadIdentityName", "string", "Name of the identity the PostgreSQL pods use through workload identity.", length(3, 128));
        p.add("workloadPrincipalId", "string", "Object ID of the PostgreSQL workload identity.");
        p.add("federatedCredentialName", "string", "Name of the federated credential that trusts the CNPG cluster's service account.",
                length(3, 120));
        p.add("federatedSubject", "string", "Service account the credential trusts: system:serviceaccount:<namespace>:<CNPG cluster name>.");

        p.add("clusterName", "string", "AKS cluster name.", length(1, 63));
        p.add("clusterResourceGroup", "string", "Resource group of the existing AKS cluster a database runs on.", length(1, 90));
        p.add("clusterId", "string", "Resource ID of the AKS cluster whose metrics the rules read.");
        p.add("dnsPrefix", "string", "DNS prefix of the API server address.", length(1, 54));
        p.add("kubernetesVersion", "string", "Kubernetes version, major.minor or major.minor.patch; pinned only while no auto-upgrade channel is set.");
        p.allowed("aksTier", "string", "AKS pricing tier; Standard carries the uptime SLA.", "/aks/tier");
        p.add("nodeResourceGroup", "string", "Name of the resource group AKS creates for the nodes.", length(1, 80));
        p.allowed("systemPoolZones", "array", "Availability zones of the system pool.", "/aks/systemPool/zones/0");
        p.add("systemPoolVmSize", "string", "VM size of the system pool.");
        p.add("systemPoolMinCount", "int", "Autoscaler lower bound of the system pool.", value(1, 1000));
        p.add("systemPoolMaxCount", "int", "Autoscaler upper bound of the system pool.", value(1, 1000));
        p.add("postgresPoolVmSize", "string", "VM size of the PostgreSQL pools; it sizes the PostgreSQL pods.");
        p.add("postgresPoolMinCountPerZone", "int", "Autoscaler lower bound of each zone's PostgreSQL pool.", value(1, 1000));
        p.add("postgresPoolMaxCountPerZone", "int", "Autoscaler upper bound of each zone's PostgreSQL pool.", value(1, 1000));
        p.add("podCidr", "string", "Overlay pod CIDR.");
        p.add("serviceCidr", "string", "Kubernetes service CIDR.");
        p.add("dnsServiceIp", "string", "Cluster DNS service IP, inside the service CIDR.");
        p.add("apiServerAuthorizedIpRanges", "array", "CIDR ranges allowed to reach the API server.",
                List.of(new Bound("maxLength", AzureLimits.API_SERVER_AUTHORIZED_RANGES)));
        p.add("adminGroupObjectIds", "array", "Entra group object IDs that get cluster admin.");
        p.add("adminPrincipals", "array", "Entra principals that administer the cluster and Grafana: objects with objectId and principalType.");
        p.add("disableLocalAccounts", "bool", "Disable local (certificate) accounts, so that every sign-in goes through Entra ID.");
        p.allowed("upgradeChannel", "string", "Cluster auto-upgrade channel.", "/aks/upgrades/channel");
        p.allowed("nodeOsUpgradeChannel", "string", "Node OS upgrade channel.", "/aks/upgrades/nodeOsChannel");
        p.allowed("maintenanceDay", "string", "Day of the weekly maintenance window.", "/aks/upgrades/maintenanceDay");
        p.add("maintenanceStartTime", "string", "Start of the maintenance window, HH:MM in UTC.", length(5, 5));
        p.add("maintenanceDurationHours", "int", "Length of the maintenance window in hours.", value(4, 24));

        p.add("logAnalyticsWorkspaceName", "string", "Name of the Log Analytics workspace for container and control plane logs.",
                length(4, 63));
        p.add("logAnalyticsWorkspaceId", "string", "Resource ID of the Log Analytics workspace for container and control plane logs.");

        p.add("storageAccountName", "string", "Storage account for backups: globally unique, 3-24 lowercase letters and digits.",
                length(3, 24));
        p.allowed("storageSku", "string", "Storage account redundancy; zone-redundant keeps backups readable when a zone is down.",
                "/backup/storageSku");
        p.add("backupContainerName", "string", "Blob container the backups go to.", length(3, 63));
        p.add("softDeleteDays", "int",
                "Days a deleted blob or container stays recoverable, and a deleted or overwritten blob's previous version is kept.",
                value(1, 365));

        p.add("monitorWorkspaceName", "string", "Name of the Azure Monitor workspace that stores the Prometheus metrics.",
                List.of(new Bound("minLength", 2)));
        p.add("monitorWorkspaceId", "string", "Resource ID of the Azure Monitor workspace that stores the cluster metrics.");
        p.add("dataCollectionEndpointName", "string", "Name of the data collection endpoint the metrics agent sends to.", length(3, 44));
        p.add("prometheusRuleName", "string", "Name of the data collection rule that forwards Prometheus metrics to the workspace.",
                length(1, 64));
        p.add("prometheusAssociationName", "string", "Name of the association of the Prometheus data collection rule with the cluster.");
        p.add("monitorWorkspaceResourceGroup", "string", "Resource group of the existing Azure Monitor workspace.", length(1, 90));
        p.add("alertEmail", "string", "E-mail address the alert action group notifies.");
        p.add("actionGroupName", "string", "Name of the existing action group the alerts notify.");
        p.add("existingActionGroupId", "string", "Resource ID of the existing action group the alerts notify.");
        p.add("containerInsightsRuleName", "string", "Name of the Container Insights data collection rule.", length(1, 64));
        p.add("grafanaName", "string", "Name of the Azure Managed Grafana workspace.", length(2, 23));
        p.add("grafanaAdminPrincipalIds", "array", "Further Entra object IDs (users or groups) granted Grafana Admin.");
        return p;
    }

    private static List<Bound> length(long min, long max) {
        return List.of(new Bound("minLength", min), new Bound("maxLength", max));
    }

    private static List<Bound> value(long min, long max) {
        return List.of(new Bound("minValue", min), new Bound("maxValue", max));
    }

    private void add(String name, String type, String description) {
        add(name, type, description, List.of());
    }

    private void add(String name, String type, String description, List<Bound> bounds) {
        put(new Parameter(name, type, description, "", List.of(), bounds));
    }

    private void allowed(String name, String type, String description, String specField) {
        JsonNode values = schema.fieldAtPointer(specField).map(f -> f.get("enum"))
                .orElseThrow(() -> new IllegalStateException("no schema enum at " + specField + " for Bicep param " + name));
        List<String> allowed = new ArrayList<>();
        values.forEach(v -> allowed.add(v.asText()));
        put(new Parameter(name, type, description, specField, List.copyOf(allowed), List.of()));
    }

    private void put(Parameter parameter) {
        if (table.put(parameter.name(), parameter) != null) {
            throw new IllegalStateException("Bicep param " + parameter.name() + " declared twice");
        }
    }
}
