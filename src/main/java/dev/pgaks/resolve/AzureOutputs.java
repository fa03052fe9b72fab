package dev.pgaks.resolve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.load.InputLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values only Azure knows after the Bicep deployment, read from the JSON that
 * {@code az deployment group show --query properties.outputs} prints ({@code {"name": {"type": ..., "value": ...}}}).
 */
public record AzureOutputs(Optional<String> workloadIdentityClientId) {

    public static final String CLIENT_ID_OUTPUT = "workloadIdentityClientId";
    private static final String TREE_CLUSTER = "k8s/cluster.yaml";
    private static final Pattern TREE_CLIENT_ID = Pattern.compile(
            "azure\\.workload\\.identity/client-id: \"([0-9a-fA-F-]{36})\"");
    private static final String HINT =
            "save the output of `az deployment group show -g <resource group> -n <deployment> --query properties.outputs`";
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");

    public static AzureOutputs none() {
        return new AzureOutputs(Optional.empty());
    }

    public static Outcome<AzureOutputs> read(Path file) {
        return InputLimits.readRegularFile(file, InputLimits.MAX_OUTPUTS_BYTES, "Azure outputs file", HINT)
                .then(bytes -> parse(file.toString(), bytes));
    }

    /** One JSON document, no duplicate keys (which a later key would silently win), nesting bounded. */
    private static Outcome<AzureOutputs> parse(String name, byte[] bytes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(InputLimits.MAX_NESTING_DEPTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ObjectMapper json = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String problem = e.getOriginalMessage();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            Matcher duplicate = DUPLICATE.matcher(problem);
            if (duplicate.matches()) {
                // Jackson stops after the key; point at its opening quote.
                column = Math.max(1, column - duplicate.group(1).length() - 2);
                problem = "duplicate key '" + duplicate.group(1) + "'; a later value would silently win";
            } else if (problem.startsWith("Trailing token")) {
                problem = "the file holds more than one JSON document";
            }
            return Outcome.failure(List.of(new Diagnostic(name, line, column, "invalid Azure outputs JSON: " + problem, HINT)));
        } catch (IOException e) {
            return fail(name, "cannot read Azure outputs: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return fail(name, "Azure outputs must be a JSON object of outputs");
        }
        JsonNode value = root.path(CLIENT_ID_OUTPUT).path("value");
        if (!value.isTextual()) {
            return fail(name, "no output '" + CLIENT_ID_OUTPUT + "' with a value");
        }
        if (!GUID.matcher(value.asText()).matches()) {
            return fail(name, "output '" + CLIENT_ID_OUTPUT + "' is not a GUID: '" + value.asText().substring(0, Math.min(80, value.asText().length())) + "'");
        }
        return Outcome.success(new AzureOutputs(Optional.of(value.asText())));
    }

    /**
     * The client ID a previously rendered tree gave the Cluster's service account, if it is a real one: rendering
     * without the outputs would put the placeholder back, and the next pod restart would stop WAL archiving.
     */
    public static Optional<String> clientIdInTree(Map<String, byte[]> tree) {
        byte[] cluster = tree.get(TREE_CLUSTER);
        if (cluster == null || cluster.length > InputLimits.MAX_SPEC_BYTES) {
            return Optional.empty();
        }
        Matcher m = TREE_CLIENT_ID.matcher(new String(cluster, StandardCharsets.UTF_8));
        return m.find() && !m.group(1).equals(SpecResolver.CLIENT_ID_PLACEHOLDER) ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Outcome<AzureOutputs> fail(String file, String message) {
        return Outcome.failure(List.of(new Diagnostic(file, 1, 1, message, HINT)));
    }
}
