package dev.pgaks.resolve;

import dev.pgaks.resolve.SpecModel.NodeOsChannel;
import dev.pgaks.resolve.SpecModel.UpgradeChannel;
import java.util.Optional;

/**
 * The cluster and node OS upgrade channels when the spec does not set them, and whether AKS schedules upgrades in the
 * weekly window; validation and resolve both need the effective ones.
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
    public static UpgradeChannel clusterChannel(Optional<UpgradeChannel> ownChoice, boolean localNvme) {
        return ownChoice.orElse(localNvme ? UpgradeChannel.NONE : UpgradeChannel.PATCH);
    }

    /**
     * NodeImage (a new node image every week) suits nodes whose disks are network-attached. On local NVMe a reimage
     * replaces the node and erases the PostgreSQL volume on it, so each weekly pass would re-clone every instance:
     * there the default is Unmanaged (Ubuntu applies its security updates in place, the node and its disk stay) and
     * node images change only through a deliberate upgrade, the runbook's one-node-at-a-time path. The cluster
     * channel node-image forces NodeImage (AKS refuses anything else with it).
     */
    public static NodeOsChannel nodeOsChannel(Optional<NodeOsChannel> ownChoice, UpgradeChannel clusterChannel,
                                              boolean localNvme) {
        if (ownChoice.isPresent()) {
            return ownChoice.get();
        }
        if (clusterChannel == UpgradeChannel.NODE_IMAGE) {
            return NodeOsChannel.NODE_IMAGE;
        }
        return localNvme ? NodeOsChannel.UNMANAGED : NodeOsChannel.NODE_IMAGE;
    }

    /** AKS upgrades the cluster in the weekly window unless the channel is none. */
    public static boolean autoUpgradeWindow(UpgradeChannel channel) {
        return channel != UpgradeChannel.NONE;
    }

    /** AKS schedules node OS upgrades in the weekly window for NodeImage and SecurityPatch. */
    public static boolean nodeOsUpgradeWindow(NodeOsChannel channel) {
        return channel == NodeOsChannel.NODE_IMAGE || channel == NodeOsChannel.SECURITY_PATCH;
    }

    /** Whether AKS drains nodes in the weekly window at all. */
    public static boolean windowDeclared(UpgradeChannel channel, NodeOsChannel nodeOsChannel) {
        return autoUpgradeWindow(channel) || nodeOsUpgradeWindow(nodeOsChannel);
    }
}
