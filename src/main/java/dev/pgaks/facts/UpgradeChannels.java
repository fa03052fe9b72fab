package dev.pgaks.facts;

/** The node OS upgrade channel when the spec does not set one; validation and resolve both need the effective one. */
public final class UpgradeChannels {

    private UpgradeChannels() {}

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
