package dev.pgaks.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgaks.testsupport.ExternalCommand;
import dev.pgaks.testsupport.ToolRequirement;
import dev.pgaks.resolve.AlertContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Locates upstream reference data and external tools for the monitoring tests.
 *
 * <p>Reference data and tools come through {@link ToolRequirement}: missing ones skip the test, unless
 * {@code pgaks.requireTools=true} (CI), where a silent skip would hide a broken check.
 */
final class MonitoringTestSupport {
    static final String NAMESPACE = "cnpg-database";
    static final String CLUSTER = "pg-primary";
    static final String OPERATOR_NAMESPACE = "cnpg-system";
    /** As pgaks installs them: Helm releases cnpg (chart cloudnative-pg) and plugin-barman-cloud. */
    static final AlertContext.Deployments DEPLOYMENTS = new AlertContext.Deployments("cnpg-cloudnative-pg", "plugin-barman-cloud");

    private MonitoringTestSupport() {
    }

    /** 10 GiB, as pgaks renders max_slot_wal_keep_size for a WAL volume of 16 GiB or more. */
    static final long SLOT_KEEP_BYTES = 10L << 30;

    /** Three instances in three zones with backups; synchronous replication requires one standby. */
    static AlertContext sampleContext(boolean synchronous) {
        return new AlertContext(NAMESPACE, CLUSTER, OPERATOR_NAMESPACE, 3, 3, synchronous ? 1 : 0, true, true, SLOT_KEEP_BYTES,
                Map.of(), "", MonitoringTestSupport.DEPLOYMENTS, true);
    }

    /** A file under the reference directory; skips (or fails when tools are required) when it is missing. */
    static Path reference(String relative) {
        Path file = ToolRequirement.reference().resolve(relative);
        ToolRequirement.require(Files.exists(file), "reference data not found at " + file);
        return file;
    }

    /** The executable on PATH; skips (or fails when tools are required) if it is missing. */
    static Path tool(String name) {
        return ToolRequirement.command(name);
    }

    /** Runs a tool to completion and fails the test, with the tool's output, unless it exits 0. */
    static void run(Object... command) {
        ExternalCommand.Result result = ExternalCommand.of(command).run();
        assertEquals(0, result.exit(), Stream.of(command).map(Object::toString).collect(Collectors.joining(" ")) + " failed:\n" + result.output());
    }

    static String dump(Object document) {
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(document);
    }
}
