package dev.pgaks.cli;

import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.resolve.AzureOutputs;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The spec argument and the optional Azure deployment outputs, shared by the commands that render. */
final class SpecInput {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The pgaks spec (YAML).")
    Path spec;

    @Option(names = "--azure-outputs", paramLabel = "FILE",
            description = "JSON printed by `az deployment group show -g RG -n DEPLOYMENT --query properties.outputs`; "
                    + "fills in values only Azure knows, such as the workload identity's client ID.")
    Path azureOutputs;

    Outcome<AzureOutputs> outputs() {
        return azureOutputs == null ? Outcome.success(AzureOutputs.none()) : AzureOutputs.read(azureOutputs);
    }
}
