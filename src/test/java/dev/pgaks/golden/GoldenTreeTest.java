package dev.pgaks.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pgaks.render.RenderedFile;
import dev.pgaks.testsupport.GoldenCases;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.ApprovalFailureReporter;
import org.approvaltests.core.Options;
import org.approvaltests.namer.ApprovalNamer;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.writers.ApprovalTextWriter;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden case's rendered tree must equal its approved tree, {@code golden/<case>/expected/}, file by file
 * (ApprovalTests), and no file may be missing or extra. Approve a deliberate change with
 * {@code mvn test -Dtest=GoldenTreeTest -Dpgaks.approve=true} and review it with {@code git diff golden/}.
 */
class GoldenTreeTest {

    private static final boolean APPROVE = Boolean.getBoolean("pgaks.approve");
    private static final Path RECEIVED = Path.of("target", "golden-received");

    @TestFactory
    Stream<DynamicNode> everyCaseMatchesItsApprovedTree() throws IOException {
        List<DynamicNode> cases = new ArrayList<>();
        List<String> names = new ArrayList<>(GoldenCases.names());
        names.addAll(GoldenCases.fleetCases());
        for (String name : names) {
            List<RenderedFile> files = GoldenCases.rendered(name);
            Path expected = GoldenCases.expected(name);
            if (APPROVE) {
                removeStaleApprovals(expected, files);
            }
            List<DynamicNode> tests = new ArrayList<>();
            for (RenderedFile file : files) {
                tests.add(dynamicTest(file.path(), () -> verify(name, file)));
            }
            // Last, so that an approving run has written every file before the list is compared.
            tests.add(dynamicTest("file list", () -> assertEquals(approvedPaths(expected),
                    files.stream().map(RenderedFile::path).toList(),
                    "rendered files differ from golden/" + name + "/expected; approve with -Dpgaks.approve=true")));
            cases.add(DynamicContainer.dynamicContainer(name, tests));
        }
        return cases.stream();
    }

    private static void verify(String name, RenderedFile file) {
        File approved = GoldenCases.expected(name).resolve(file.path()).toFile();
        File received = RECEIVED.resolve(name).resolve(file.path()).toFile();
        received.getParentFile().mkdirs();
        ApprovalFailureReporter reporter = APPROVE ? new AutoApproveReporter() : new FirstDifferenceReporter();
        Approvals.verify(new ApprovalTextWriter(file.text(), "txt"), new ExactFiles(approved, received), new Options(reporter));
    }

    private static List<String> approvedPaths(Path expected) throws IOException {
        if (!Files.isDirectory(expected)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(expected)) {
            return walk.filter(Files::isRegularFile).map(p -> expected.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static void removeStaleApprovals(Path expected, List<RenderedFile> files) throws IOException {
        List<String> wanted = files.stream().map(RenderedFile::path).toList();
        for (String path : approvedPaths(expected)) {
            if (!wanted.contains(path)) {
                Files.delete(expected.resolve(path));
            }
        }
    }

    /** Names the approved file inside the golden tree and the received one under target/, with no suffixes. */
    private record ExactFiles(File approved, File received) implements ApprovalNamer {
        @Override
        public File getApprovedFile(String extensionWithDot) {
            approved.getParentFile().mkdirs();
            return approved;
        }

        @Override
        public File getReceivedFile(String extensionWithDot) {
            return received;
        }

        @Override
        public String getApprovalName() {
            return approved.getName();
        }

        @Override
        public String getSourceFilePath() {
            return approved.getParent();
        }

        @Override
        public ApprovalNamer addAdditionalInformation(String info) {
            return this;
        }

        @Override
        public String getAdditionalInformation() {
            return "";
        }
    }

    /** Prints where the received file first departs from the approved one; CI has no diff tool to launch. */
    private static final class FirstDifferenceReporter implements ApprovalFailureReporter {
        @Override
        public boolean report(String received, String approved) {
            try {
                List<String> want = Files.exists(Path.of(approved)) ? Files.readAllLines(Path.of(approved)) : List.of();
                List<String> have = Files.readAllLines(Path.of(received));
                int line = 0;
                while (line < want.size() && line < have.size() && want.get(line).equals(have.get(line))) {
                    line++;
                }
                System.err.printf("golden mismatch: %s%n  line %d approved: %s%n  line %d rendered: %s%n  full: diff %s %s%n",
                        approved, line + 1, line < want.size() ? want.get(line) : "<end of file>",
                        line + 1, line < have.size() ? have.get(line) : "<end of file>", approved, received);
            } catch (IOException e) {
                System.err.println("golden mismatch: " + approved + " (" + e.getMessage() + ")");
            }
            return true;
        }
    }
}
