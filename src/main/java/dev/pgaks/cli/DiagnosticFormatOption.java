package dev.pgaks.cli;

import dev.pgaks.diagnostic.DiagnosticFormat;
import picocli.CommandLine.Option;

/** {@code --format} of the commands that report diagnostics: validate, check and lint. */
final class DiagnosticFormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json (schemas/diagnostics.schema.json), github (workflow commands) or sarif (SARIF 2.1.0); default ${DEFAULT-VALUE}.")
    DiagnosticFormat format;
}
