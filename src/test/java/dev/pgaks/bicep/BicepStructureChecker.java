package dev.pgaks.bicep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Structural check of a rendered {@code infra/} directory against bicep-types-az data, standing in for
 * {@code bicep build} where no Bicep compiler is available.
 */
public final class BicepStructureChecker {
    private final AzureTypeIndex types;
    private final Map<Path, Optional<BicepDocument>> parsed = new HashMap<>();

    public BicepStructureChecker(AzureTypeIndex types) {
        this.types = types;
    }

    /** Checks {@code main.bicep}, {@code modules/*.bicep} and {@code main.bicepparam}; an empty list means pass. */
    public List<BicepFinding> checkDirectory(Path infraDir) throws IOException {
        List<BicepFinding> findings = new ArrayList<>();
        Path main = infraDir.resolve("main.bicep");
        if (!Files.isRegularFile(main)) {
            findings.add(new BicepFinding("main.bicep", 0, "missing"));
        }
        List<Path> files = new ArrayList<>();
        files.add(main);
        Path modules = infraDir.resolve("modules");
        if (Files.isDirectory(modules)) {
            try (Stream<Path> list = Files.list(modules)) {
                list.filter(p -> p.getFileName().toString().endsWith(".bicep")).sorted().forEach(files::add);
            }
        }
        files.add(infraDir.resolve("main.bicepparam"));
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                checkFile(infraDir, file, findings);
            }
        }
        findings.sort(Comparator.comparing(BicepFinding::file).thenComparingInt(BicepFinding::line)
                .thenComparing(BicepFinding::message));
        return findings;
    }

    private void checkFile(Path infraDir, Path file, List<BicepFinding> sink) throws IOException {
        FileFindings findings = new FileFindings(infraDir.relativize(file).toString().replace('\\', '/'), sink);
        boolean paramsFile = file.getFileName().toString().endsWith(".bicepparam");
        BicepDocument doc;
        try {
            doc = BicepParser.parse(Files.readString(file), paramsFile);
        } catch (BicepParseException e) {
            findings.add(e.line, "parse error: " + e.getMessage());
            return;
        }
        ParamChecker params = new ParamChecker(doc, findings, file.getParent(), this::document);
        if (paramsFile) {
            params.checkParamsFile();
        } else {
            params.checkTemplate();
            new ResourceChecker(types, doc, findings).check();
        }
    }

    /** A referenced file, parsed once; its parse errors are reported when it is checked itself. */
    private Optional<BicepDocument> document(Path file) {
        return parsed.computeIfAbsent(file.normalize(), p -> {
            try {
                return Optional.of(BicepParser.parse(Files.readString(p), false));
            } catch (IOException | BicepParseException e) {
                return Optional.empty();
            }
        });
    }
}
