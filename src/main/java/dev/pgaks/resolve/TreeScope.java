package dev.pgaks.resolve;

import java.util.List;

/**
 * Which part of a deployment a rendered tree holds, and so which files it renders: the one decision the output
 * families and templates follow through flags.
 *
 * <ul>
 *   <li>{@link Role#SINGLE} (kind PostgresCluster, {@link #whole()}): everything, into {@code <metadata.name>/}, as before fleets.</li>
 *   <li>{@link Role#PLATFORM}: the AKS cluster, logs, monitor workspace, Grafana, the control-plane identity, the
 *       operator's Helm values, PodMonitors and alert group, the managed Prometheus settings, the StorageClasses and
 *       the shared namespaces, into {@code <environment>/<name>/platform/}: what is cluster-wide.</li>
 *   <li>{@link Role#DATABASE}: one CNPG cluster with its workload identity, storage, alerts, PodMonitors, dashboard and
 *       runbooks, into {@code <environment>/<platform>/<name>/}; its Namespace unless the platform shares it.</li>
 * </ul>
 *
 * @param treeName          the tree's directory under the {@code -o} directory
 * @param platform          what a database takes from its platform; {@code null} for the other roles
 * @param storageClasses    the StorageClasses this tree renders (a platform's offered types); empty where the
 *                          tree renders the spec's own class ({@link Role#SINGLE}) or none ({@link Role#DATABASE})
 * @param sharedNamespaces  the namespaces a platform renders for its databases
 * @param databases         the databases of the same call on this platform, for its README
 */
public record TreeScope(Role role, String treeName, PlatformReference platform,
                        List<PlatformReference.OfferedStorageClass> storageClasses, List<String> sharedNamespaces,
                        List<PlatformDatabase> databases) {

    public enum Role { SINGLE, PLATFORM, DATABASE }

    /** A database on a platform, as the platform's README lists it. */
    /**
     * A database of the call on this platform.
     *
     * @param spec its spec file as seen from the platform spec's directory, for the command that renders them together
     */
    public record PlatformDatabase(String name, String namespace, String storageType, String treeDir, String spec,
                                   String cluster) {}

    /**
     * A CloudNativePG cluster a procedure on the whole AKS cluster or operator must watch.
     *
     * @param localNvme its volumes die with their node, so a node upgrade needs the maintenance window
     */
    public record WatchedCluster(String name, String namespace, boolean localNvme) {}

    /** The clusters this tree's AKS and operator procedures watch: a platform's databases of the call, or its own. */
    public List<WatchedCluster> watchedClusters(ResolvedPostgres postgres) {
        if (role == Role.PLATFORM) {
            return databases.stream().map(d -> new WatchedCluster(d.cluster(), d.namespace(),
                    d.storageType().equals(SpecModel.StorageType.LOCAL_NVME.value()))).toList();
        }
        return List.of(new WatchedCluster(postgres.clusterName(), postgres.namespace(), postgres.nodeMaintenanceWindow().enabled()));
    }

    /** The spec files a platform is rendered with, from its own directory: the platform's, then each database's. */
    public List<String> renderedWith(String platformSpec) {
        List<String> specs = new java.util.ArrayList<>(List.of(platformSpec));
        databases.forEach(d -> specs.add(d.spec()));
        return specs;
    }

    public static TreeScope whole() {
        return new TreeScope(Role.SINGLE, null, null, List.of(), List.of(), List.of());
    }

    public static TreeScope ofPlatform(String environment, String name, List<PlatformReference.OfferedStorageClass> classes,
                                     List<String> sharedNamespaces, List<PlatformDatabase> databases) {
        return new TreeScope(Role.PLATFORM, environment + "/" + name + "/platform", null, List.copyOf(classes),
                List.copyOf(sharedNamespaces), List.copyOf(databases));
    }

    public static TreeScope ofDatabase(String environment, String treeName, PlatformReference platform) {
        return new TreeScope(Role.DATABASE, environment + "/" + platform.name() + "/" + treeName, platform, List.of(),
                List.of(), List.of());
    }

    /** The tree's directory name under {@code -o}; a single spec keeps {@code own}, the name it always had. */
    String treeName(String own) {
        return role == Role.SINGLE ? own : treeName;
    }

    /** The tree of another cluster beside this one (a restore's): under the same platform for a database. */
    String siblingTreeName(String cluster) {
        return role == Role.DATABASE ? treeName.substring(0, treeName.lastIndexOf('/') + 1) + cluster : cluster;
    }

    /**
     * The Managed Grafana the dashboard is imported into: the spec's own ({@code name} in {@code resourceGroup}), or
     * for a database its platform's.
     */
    public Grafana grafana(String name, String resourceGroup) {
        return role == Role.DATABASE ? new Grafana(platform.grafanaName(), platform.clusterResourceGroup())
                : new Grafana(name, resourceGroup);
    }

    public record Grafana(String name, String resourceGroup) {}

    /** The class the PostgreSQL volumes use: the spec's own ({@code derived}), or the platform's of that type. */
    String storageClassName(String derived, String type) {
        return role == Role.DATABASE ? platform.storageClassName(type) : derived;
    }

    public boolean isSingle() {
        return role == Role.SINGLE;
    }

    public boolean isPlatform() {
        return role == Role.PLATFORM;
    }

    public boolean isDatabase() {
        return role == Role.DATABASE;
    }

    /** AKS, logs, monitor workspace, Grafana, control-plane identity, Helm values, cluster-wide monitoring settings. */
    public boolean rendersPlatform() {
        return role != Role.DATABASE;
    }

    /** The CNPG cluster and what belongs to it alone: its Kubernetes objects, workload identity, storage, dashboard. */
    public boolean rendersDatabase() {
        return role != Role.PLATFORM;
    }

    /** On an AKS cluster pgaks did not render: the README states the prerequisites, the Bicep refers to it. */
    public boolean onExistingCluster() {
        return role == Role.DATABASE && platform.existing();
    }

    /**
     * The instances and the pooler go to the PostgreSQL node pools pgaks renders (their label and taint); on an
     * existing cluster those pools, label and taint may not exist, and a selector for them would leave every pod Pending.
     */
    public boolean placesOnPostgresPools() {
        return !onExistingCluster();
    }

    /**
     * The tree's Azure resources have their resource group to themselves, so that deleting the group deletes them and
     * nothing else: a single spec's, and a database's deployed into a group other than its cluster's.
     */
    public boolean ownsResourceGroup(String resourceGroup) {
        return role == Role.SINGLE || role == Role.DATABASE && !resourceGroup.equals(platform.clusterResourceGroup());
    }

    /** The AKS cluster's resource group: a database's cluster is its platform's, wherever the database deploys. */
    public String aksResourceGroup(String ownResourceGroup) {
        return role == Role.DATABASE ? platform.clusterResourceGroup() : ownResourceGroup;
    }

    /** The database renders its own Namespace: always alone, on a platform unless the platform shares it. */
    public boolean rendersOwnNamespace(String namespace) {
        return role == Role.SINGLE || role == Role.DATABASE && !platform.sharedNamespaces().contains(namespace);
    }

    /**
     * The alert rule groups this tree renders: a platform the operator's (the same for every cluster of the operator),
     * a database its cluster's, a single spec both.
     */
    public List<ResolvedMonitoring.RuleGroup> ruleGroups(ResolvedMonitoring monitoring) {
        if (!rendersMonitoring()) {
            return List.of();
        }
        return monitoring.ruleGroups().stream()
                .filter(g -> g.operatorScoped() ? rendersPlatform() : rendersDatabase()).toList();
    }

    /** The alerts of {@link #ruleGroups}, each with its runbook in this tree. */
    public List<ResolvedAlert> alerts(ResolvedMonitoring monitoring) {
        List<ResolvedMonitoring.RuleGroup> groups = ruleGroups(monitoring);
        return monitoring.alerts().stream().filter(a -> groups.stream().anyMatch(g -> g.alerts().contains(a))).toList();
    }

    /** PodMonitors, alert rules and the dashboard: wherever a Prometheus scrapes (not an existing cluster without one). */
    public boolean rendersMonitoring() {
        return platform == null || !platform.prometheus().equals("none");
    }
}
