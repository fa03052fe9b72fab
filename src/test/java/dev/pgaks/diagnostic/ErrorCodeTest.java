package dev.pgaks.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.verify.rules.Rule;
import dev.pgaks.verify.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
