package dev.pgaks.facts;

/**
 * The cluster and node OS upgrade channels when the spec does not set them; validation and resolve both need the
 * effective ones.
 */
public final class UpgradeChannels {

    private UpgradeChannels() {}

    /**
     * patch keeps the cluster on a supported Kubernetes version. Its upgrades also replace every node pool's nodes
     * (surge node, drain, delete), and on local NVMe the PostgreSQL volume dies with its node: the recreated pod waits
     * Pending for a PVC pinned to the deleted node unless nodeMaintenanceWindow.inProgress is set, which nobody does in
     * an unattended window, and the next drain then stalls on the PodDisruptionBudget. So local NVMe defaults to none
     * (validation refuses an automatic channel with it) and upgrades follow the runbook, which sets the window.
     */
    public static String clusterChannel(String ownChoice, boolean localNvme) {
        if (ownChoice != null) {
            return ownChoice;
        }
        return localNvme ? "none" : "patch";
    }

    /**
     * NodeImage (a new node image every week) suits nodes whose disks are network-attached. On local NVMe a reimage
     * replaces the node and erases the PostgreSQL volume on it, so each weekly pass would re-clone every instance:
     * there the default is Unmanaged (Ubuntu applies its security updates in place, the node and its disk stay) and
     * node images change only through a deliberate upgrade, the runbook's one-node-at-a-time path. The cluster
     * channel node-image forces NodeImage (AKS refuses anything else with it).
     */
    public static String nodeOsChannel(String ownChoice, String clusterChannel, boolean localNvme) {
        if (ownChoice != null) {
            return ownChoice;
        }
        if (clusterChannel.equals("node-image")) {
            return "NodeImage";
        }
        return localNvme ? "Unmanaged" : "NodeImage";
    }
}
