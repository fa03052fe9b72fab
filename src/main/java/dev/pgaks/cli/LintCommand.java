package dev.pgaks.cli;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.DiagnosticFormat;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.verify.CrdSchemaValidator;
import dev.pgaks.verify.rules.Finding;
import dev.pgaks.verify.rules.LintTree;
import dev.pgaks.verify.rules.Rules;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check a tree on disk (a rendered one, or one patched with Kustomize overlays) against the rules "
                + "its consumers enforce beyond their schemas: the CNPG webhook, PostgreSQL's parameters, Azure and AKS "
                + "limits; and every CNPG object against its CRD schema. Exit 1 on any finding.",
                "Reads every YAML file (every document) and every .bicep/.bicepparam file under DIR; "
                        + "where a kustomization.yaml stands, the objects its overlays build."})
final class LintCommand implements Callable<Integer> {

    static final String CRD_SCHEMA = "crd.schema";

    @Parameters(index = "0", paramLabel = "DIR", description = "The tree to check, e.g. out/<name> or a GitOps repository folder.")
    Path dir;

    @Mixin
    DiagnosticFormatOption formatOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        if (!Files.isDirectory(dir)) {
            return Reporting.report(Outcome.failure(List.of(Diagnostic.ofFile(dir.toString(), "not a directory",
                    "name the rendered tree, e.g. out/<metadata.name>"))), command.commandLine(), formatOption.format);
        }
        LintTree tree = LintTree.read(dir);
        List<Finding> findings = new ArrayList<>(Rules.run(tree, Rules.ALL));
        findings.addAll(schemaFindings(tree));
        findings.sort(Comparator.comparing(Finding::file).thenComparing(Finding::rule).thenComparing(Finding::field));
        String prefix = dir.toString().endsWith("/") ? dir.toString() : dir + "/";
        if (formatOption.format != DiagnosticFormat.TEXT) {
            Reporting.print(findings.stream().map(f -> item(prefix, f)).toList(), command.commandLine(), formatOption.format);
            return findings.isEmpty() ? PgaksCommand.OK : PgaksCommand.DRIFT;
        }
        for (Finding f : findings) {
            out.println(prefix + f.format());
        }
        String checked = tree.manifests().size() + " Kubernetes objects, " + tree.bicep().size() + " Bicep files, "
                + (Rules.ALL.size() + 1) + " rules";
        if (findings.isEmpty()) {
            out.println(dir + ": no findings (" + checked + ")");
            out.flush();
            return PgaksCommand.OK;
        }
        out.println(findings.size() + (findings.size() == 1 ? " finding" : " findings") + " (" + checked + ")");
        out.flush();
        return PgaksCommand.DRIFT;
    }

    private static DiagnosticFormat.Item item(String prefix, Finding f) {
        return new DiagnosticFormat.Item("error", ErrorCode.ofRule(f.rule()), f.object() + " " + f.field() + ": " + f.message(),
                prefix + f.file(), 0, 0, null, f.rule(), f.source());
    }

    /** Objects of a kind with a shipped CRD, against its schema; unknown fields count, as the API server drops them. */
    private static List<Finding> schemaFindings(LintTree tree) {
        CrdSchemaValidator crds = CrdSchemaValidator.shipped();
        List<Finding> findings = new ArrayList<>();
        for (LintTree.Manifest m : tree.manifests()) {
            String key = m.apiVersion() + " " + m.kind();
            if (!crds.kinds().contains(key)) {
                continue;
            }
            for (String problem : crds.validate(m.object())) {
                findings.add(new Finding(m.file(), m.kind() + "/" + m.name(), "-", CRD_SCHEMA, problem,
                        "CustomResourceDefinition " + key + " (pgaks resource crds/)"));
            }
        }
        return findings;
    }
}
