package dev.pgaks.bicep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.resolve.AzureOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip the README describes: the Bicep outputs, saved with {@code az deployment group show --query
 * properties.outputs}, fill the client ID that the first render could only hold a placeholder for.
 */
class AzureOutputsRenderTest {
    private static final String PLACEHOLDER = "00000000-0000-0000-0000-000000000000";

    @Test
    void outputsReplaceThePlaceholder() {
        String cluster = RenderedInfra.text("azure-outputs", "k8s/cluster.yaml");
        assertTrue(cluster.contains("azure.workload.identity/client-id: \"3f2504e0-4f89-41d3-9a0c-0305e82c3301\""));
        assertFalse(cluster.contains(PLACEHOLDER));
        assertFalse(cluster.contains("placeholder"));
    }

    @Test
    void withoutOutputsTheClusterCarriesTheMarkedPlaceholder() {
        String cluster = RenderedInfra.text("minimal", "k8s/cluster.yaml");
        assertTrue(cluster.contains("# placeholder: render again with --azure-outputs"));
        assertTrue(cluster.contains("azure.workload.identity/client-id: \"" + PLACEHOLDER + "\""));
    }

    /** The output the reader needs is the one main.bicep declares. */
    @Test
    void mainBicepDeclaresTheOutputTheReaderReads() {
        String main = RenderedInfra.text("minimal", "infra/main.bicep");
        assertTrue(main.contains("\noutput " + AzureOutputs.CLIENT_ID_OUTPUT + " string = identity.outputs.workloadClientId\n"));
    }

    @Test
    void outputsWithoutTheClientIdAreRefused(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("azure-outputs.json");
        Files.writeString(file, "{\"clusterName\": {\"type\": \"String\", \"value\": \"aks-orders-prod\"}}");
        assertInstanceOf(Outcome.Failure.class, AzureOutputs.read(file));
    }
}
