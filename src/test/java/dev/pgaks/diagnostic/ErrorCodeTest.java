package dev.pgaks.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.Pipeline;
import dev.pgaks.verify.rules.Rule;
import dev.pgaks.verify.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts match on codes: the table in {@link ErrorCode} only grows, and the README documents every code. */
class ErrorCodeTest {

    private static Map<String, String> committed() throws IOException {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/error-codes.txt"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] parts = line.split("\t", 2);
                codes.put(parts[0], parts[1]);
            }
        }
        return codes;
    }

    @Test
    void theCodesMatchTheCommittedListExactly() throws IOException {
        Map<String, String> inCode = new LinkedHashMap<>();
        Arrays.stream(ErrorCode.values()).forEach(c -> inCode.put(c.code(), c.meaning()));
        Map<String, String> committed = committed();
        committed.forEach((code, meaning) -> assertEquals(meaning, inCode.get(code),
                code + " was removed or changed meaning; codes are stable: add a new one instead"));
        assertEquals(committed.keySet(), inCode.keySet(), "a new code goes into docs/error-codes.txt too");
    }

    @TempDir
    Path dir;

    /** Each stage gives its problems their kind's code; none is left unclassified. */
    @Test
    void validationAssignsCodesByKind() throws IOException {
        String minimal = Files.readString(Path.of("golden/minimal/pgaks.yaml"));
        assertEquals(ErrorCode.SPEC_UNREADABLE, codeOf(null));
        assertEquals(ErrorCode.SPEC_UNREADABLE, codeOf("a: [\n"));
        assertEquals(ErrorCode.UNKNOWN_FIELD, codeOf(minimal + "colour: blue\n"));
        assertEquals(ErrorCode.VALUE_NOT_ALLOWED, codeOf(minimal.replace("apiServerAccess: public", "apiServerAccess: open")));
        assertEquals(ErrorCode.SCHEMA_VIOLATION, codeOf(minimal + "postgres:\n  instances: many\n"));
        assertEquals(ErrorCode.MISSING_FIELD, codeOf(minimal.replace("azure:\n  location: eastus2\n", "azure: {}\n")));
        assertEquals(ErrorCode.SEMANTIC_RULE, codeOf(minimal + "postgres:\n  instances: 1\n  synchronous:\n    number: 1\n"));
    }

    private ErrorCode codeOf(String spec) throws IOException {
        Path file = dir.resolve("pgaks.yaml");
        Files.deleteIfExists(file);
        if (spec != null) {
            Files.writeString(file, spec);
        }
        Outcome<?> outcome = new Pipeline().validate(file);
        assertTrue(outcome instanceof Outcome.Failure<?>, String.valueOf(spec));
        List<Diagnostic> diagnostics = ((Outcome.Failure<?>) outcome).diagnostics();
        assertEquals(1, diagnostics.stream().map(Diagnostic::code).distinct().count(), diagnostics.toString());
        return diagnostics.get(0).code();
    }

    @Test
    void everyLintRuleHasItsOwnCode() {
        for (Rule rule : Rules.ALL) {
            assertNotEquals(ErrorCode.LINT_OTHER, ErrorCode.ofRule(rule.id()), rule.id());
        }
        assertEquals(ErrorCode.LINT_CRD_SCHEMA, ErrorCode.ofRule("crd.schema"));
        assertEquals(ErrorCode.LINT_UNREADABLE, ErrorCode.ofRule("tree.yaml"));
    }

    @Test
    void theReadmeListsEveryCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(readme.contains("| `" + code.code() + "` |"), code.code() + " in README.md, Error codes");
        }
    }
}
