package dev.pgaks.cli;

import dev.pgaks.Fleet;
import dev.pgaks.Pipeline;
import dev.pgaks.diagnostic.DiagnosticFormat;
import dev.pgaks.diagnostic.ErrorCode;
import dev.pgaks.diagnostic.Outcome;
import dev.pgaks.diff.DiffFormat;
import dev.pgaks.diff.DiffReport;
import dev.pgaks.diff.ObjectDiff;
import dev.pgaks.diff.TreeSnapshot;
import dev.pgaks.resolve.Sha256;
import dev.pgaks.render.RenderedFile;
import dev.pgaks.resolve.TreeLayout;
import dev.pgaks.write.OwnershipManifest;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Render SPEC in memory and compare with the tree in DIR/<metadata.name>/; exit 1 on any difference (for CI). "
                + "A change to the spec's comments or formatting is not a difference.")
final class CheckCommand implements Callable<Integer> {

    private static final int MAX_LINE = 160;

    @Mixin
    RenderInput input;

    @Option(names = "--diff", description = "After the list of files, print the semantic diff (as `pgaks diff` does).")
    boolean diff;

    @Mixin
    DiagnosticFormatOption formatOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    /** One file that differs, where, and whether a person edited it since pgaks wrote it. */
    private record Difference(String path, ErrorCode kind, int line, String detail, boolean editedByHand) {}

    @Override
    public Integer call() {
        List<DiagnosticFormat.Item> items = new ArrayList<>();
        int code = PgaksCommand.OK;
        if (input.fleet()) {
            Outcome<List<Fleet.Tree>> trees = input.renderFleet(new Pipeline());
            if (!(trees instanceof Outcome.Success<List<Fleet.Tree>> ok)) {
                return Reporting.report(trees, command.commandLine(), formatOption.format);
            }
            String specs = String.join(" ", input.specs.stream().map(Path::toString).toList());
            for (Fleet.Tree tree : ok.value()) {
                code = Math.max(code, compare(tree.dir(), tree.files(), TreeSnapshot.read(tree.dir()), specs, items));
            }
        } else {
            Outcome<RenderInput.Rendering> rendering = input.render();
            if (!(rendering instanceof Outcome.Success<RenderInput.Rendering> ok)) {
                return Reporting.report(rendering, command.commandLine(), formatOption.format);
            }
            code = compare(ok.value().tree(), ok.value().files(), ok.value().onDisk(), input.spec.toString(), items);
        }
        if (formatOption.format != DiagnosticFormat.TEXT) {
            Reporting.print(items, command.commandLine(), formatOption.format);
        }
        command.commandLine().getOut().flush();
        return code;
    }

    /** One tree against what its spec renders; differences go to {@code items} for the machine formats. */
    private int compare(Path tree, List<RenderedFile> files, TreeSnapshot actual, String specs, List<DiagnosticFormat.Item> items) {
        TreeSnapshot expected = TreeSnapshot.of(files);
        List<Difference> differences = differences(expected.files(), actual.files());
        DiffReport report = ObjectDiff.compare(actual, expected);
        String fix = fix(differences, report, actual, specs);
        PrintWriter out = command.commandLine().getOut();
        if (formatOption.format != DiagnosticFormat.TEXT) {
            for (Difference d : differences) {
                items.add(new DiagnosticFormat.Item("error", d.kind(), d.detail(), tree.resolve(d.path()).toString(), d.line(),
                        d.line() > 0 ? 1 : 0, fix, null, null));
            }
            return differences.isEmpty() ? PgaksCommand.OK : PgaksCommand.DRIFT;
        }
        if (differences.isEmpty()) {
            out.println(tree + ": up to date (" + expected.files().size() + " files)");
            return PgaksCommand.OK;
        }
        for (Difference d : differences) {
            String label = switch (d.kind()) {
                case DRIFT_MISSING -> "missing:  ";
                case DRIFT_EXTRA -> "extra:    ";
                default -> d.editedByHand() ? "edited:   " : "changed:  ";
            };
            out.println(label + d.path() + (d.detail().isEmpty() ? "" : "\n    " + d.detail().replace("\n", "\n    ")));
        }
        if (diff) {
            out.print(DiffFormat.TEXT.format(report, tree + " (on disk) -> " + specs));
        }
        out.println(differences.size() + " file(s) differ from the spec; " + fix);
        return PgaksCommand.DRIFT;
    }

    private static List<Difference> differences(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        Map<String, String> recorded = Optional.ofNullable(actual.get(OwnershipManifest.PATH))
                .flatMap(OwnershipManifest::read).orElse(Map.of());
        TreeSet<String> paths = new TreeSet<>(expected.keySet());
        paths.addAll(actual.keySet());
        List<Difference> found = new ArrayList<>();
        for (String path : paths) {
            byte[] want = expected.get(path);
            byte[] have = actual.get(path);
            if (have == null) {
                found.add(new Difference(path, ErrorCode.DRIFT_MISSING, 0, "the spec renders this file; it is not in the tree", false));
            } else if (want == null) {
                found.add(new Difference(path, ErrorCode.DRIFT_EXTRA, 0, "the spec no longer renders this file", false));
            } else if (!Arrays.equals(want, have)) {
                boolean edited = recorded.containsKey(path) && !recorded.get(path).equals(Sha256.of(have));
                int[] line = {0};
                String detail = firstDifference(new String(have, StandardCharsets.UTF_8), new String(want, StandardCharsets.UTF_8), line);
                found.add(new Difference(path, ErrorCode.DRIFT_CHANGED, line[0],
                        (edited ? "edited by hand since the last render; " : "") + detail, edited));
            }
        }
        return found;
    }

    /** The first line where the tree and the rendering part, as {@code line N: - tree / + spec}. */
    private static String firstDifference(String have, String want, int[] line) {
        String[] a = have.split("\n", -1);
        String[] b = want.split("\n", -1);
        int i = 0;
        while (i < a.length && i < b.length && a[i].equals(b[i])) {
            i++;
        }
        line[0] = i + 1;
        String was = i < a.length ? a[i] : "(end of file)";
        String is = i < b.length ? b[i] : "(end of file)";
        int column = 0;
        while (column < was.length() && column < is.length() && was.charAt(column) == is.charAt(column)) {
            column++;
        }
        return "first difference at line " + (i + 1) + ":\n- " + around(was, column) + "\n+ " + around(is, column);
    }

    /** A long line (prose) cut to the part around where it differs. */
    private static String around(String line, int column) {
        if (line.length() <= MAX_LINE) {
            return line;
        }
        int from = Math.max(0, column - MAX_LINE / 3);
        int to = Math.min(line.length(), from + MAX_LINE);
        return (from > 0 ? "..." : "") + line.substring(from, to) + (to < line.length() ? "..." : "");
    }

    /** The one command that brings the tree up to date, with the flag the situation needs. */
    private String fix(List<Difference> differences, DiffReport report, TreeSnapshot actual, String specs) {
        StringBuilder render = new StringBuilder("pgaks render ").append(specs);
        if (!input.output.toString().equals(TreeLayout.DEFAULT_OUTPUT_DIR)) {
            render.append(" -o ").append(input.output);
        }
        if (input.azureOutputs != null) {
            render.append(" --azure-outputs ").append(input.azureOutputs);
        }
        List<String> edited = differences.stream().filter(Difference::editedByHand).map(Difference::path).toList();
        boolean owned = actual.files().isEmpty() || actual.files().containsKey(OwnershipManifest.PATH);
        List<String> flags = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        if (!edited.isEmpty() || !owned) {
            flags.add("--force");
            reasons.add(!owned ? "the directory was not generated by pgaks" : "--force overwrites the hand edits in " + String.join(", ", edited)
                    + " (move them into the spec first)");
        }
        if (!report.risks().isEmpty()) {
            flags.add("--allow-risky");
            reasons.add("--allow-risky accepts the " + report.risks().size() + " risky change(s) `pgaks diff " + specs + "` explains");
        }
        flags.forEach(f -> render.append(' ').append(f));
        return "run `" + render + "` to update the tree" + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
    }
}
