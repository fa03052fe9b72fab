package dev.pgaks.resolve;

import dev.pgaks.facts.Quantities;
import dev.pgaks.facts.VmSize;
import java.util.Optional;

/** CPU and memory of the pods pgaks sizes: the PostgreSQL instances, PgBouncer and the backup sidecar. */
final class PodSizing {

    /** PgBouncer memory per client: its packet buffers and, with TLS, an OpenSSL session; see {@link #pooler}. */
    private static final int POOLER_KIB_PER_CLIENT = 64;

    private PodSizing() {}

    /**
     * The spec's resources, else half the node's vCPUs and memory, as the guide gives a 4 vCPU / 16 GiB node: the rest
     * covers the kubelet reservation, eviction threshold, daemonsets (Cilium, CSI, monitoring agents) and the backup
     * sidecar. Validation makes sure a VM size pgaks cannot read comes with both values set.
     */
    static ResolvedPostgres.Resources instance(Optional<String> cpu, Optional<String> memory, String vmSize) {
        String sizedFrom = cpu.isPresent() && memory.isPresent() ? "spec" : vmSize;
        String cpuValue = cpu.orElseGet(() -> Integer.toString(Math.max(1, node(vmSize).vcpus() / 2)));
        String memoryValue = memory.orElseGet(() -> Math.max(2, node(vmSize).memoryGiB() / 2) + "Gi");
        return new ResolvedPostgres.Resources(cpuValue, memoryValue, Quantities.mebibytes(memoryValue), sizedFrom);
    }

    /**
     * PgBouncer's container, Burstable instead of BestEffort (the first evicted under node memory pressure, on the
     * database nodes). It is single-threaded, so one core is all it can use and the CPU limit never throttles it below
     * that. Memory: a base plus up to {@link #POOLER_KIB_PER_CLIENT} per client at max_client_conn (its buffers and a
     * TLS session each), at least 256Mi: the limit bounds a leak without refusing the clients the spec allows.
     */
    static ResolvedPostgres.PoolerResources pooler(int maxClientConnections) {
        long limitMiB = Math.max(256, 128 + ((long) maxClientConnections * POOLER_KIB_PER_CLIENT + 1023) / 1024);
        return new ResolvedPostgres.PoolerResources("100m", "128Mi", "1", limitMiB + "Mi");
    }

    /** The Barman Cloud plugin's sidecar, requests = limits so the instance pods keep Guaranteed QoS. */
    static ResolvedBackup.Sidecar backupSidecar() {
        return new ResolvedBackup.Sidecar("500m", "512Mi");
    }

    private static VmSize node(String vmSize) {
        return VmSize.parse(vmSize).orElseThrow(() -> new IllegalStateException(
                "pgaks bug: VM size " + vmSize + " is unknown and postgres.resources incomplete after validation"));
    }
}
