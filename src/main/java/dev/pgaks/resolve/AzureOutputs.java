package dev.pgaks.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values only Azure knows after the Bicep deployment, read from the JSON that
 * {@code az deployment group show --query properties.outputs} prints ({@code {"name": {"type": ..., "value": ...}}}).
 */
public record AzureOutputs(Optional<String> workloadIdentityClientId) {

    public static final String CLIENT_ID_OUTPUT = "workloadIdentityClientId";
    private static final Pattern TREE_CLIENT_ID = Pattern.compile(
            "azure\\.workload\\.identity/client-id: \"([0-9a-fA-F-]{36})\"");
    private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");

    public static AzureOutputs none() {
        return new AzureOutputs(Optional.empty());
    }

    public static Outcome<AzureOutputs> read(Path file) {
        String name = file.toString();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            return fail(name, "cannot read Azure outputs: " + e.getMessage());
        }
        JsonNode value = root.path(CLIENT_ID_OUTPUT).path("value");
        if (!value.isTextual()) {
            return fail(name, "no output '" + CLIENT_ID_OUTPUT + "' with a value");
        }
        if (!GUID.matcher(value.asText()).matches()) {
            return fail(name, "output '" + CLIENT_ID_OUTPUT + "' is not a GUID: " + value.asText());
        }
        return Outcome.success(new AzureOutputs(Optional.of(value.asText())));
    }

    /**
     * The client ID a previously rendered tree gave the Cluster's service account, if it is a real one: rendering
     * without the outputs would put the placeholder back, and the next pod restart would stop WAL archiving.
     */
    public static Optional<String> clientIdInTree(Path tree) {
        Path cluster = tree.resolve("k8s/cluster.yaml");
        if (!Files.isRegularFile(cluster)) {
            return Optional.empty();
        }
        try {
            Matcher m = TREE_CLIENT_ID.matcher(Files.readString(cluster));
            return m.find() && !m.group(1).equals(SpecResolver.CLIENT_ID_PLACEHOLDER) ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Outcome<AzureOutputs> fail(String file, String message) {
        return Outcome.failure(List.of(new Diagnostic(file, 1, 1, message,
                "save the output of `az deployment group show -g <resource group> -n <deployment> --query properties.outputs`")));
    }
}
