package dev.pgaks.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgaks.bicep.BicepStrings;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** No string, however hostile, changes the structure or type of the YAML it is written into. */
class EscapingTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "on", "yes", "No", "null", "~", "true", "1.1", "0x1F", "1e3", "2026-11-20", "64Gi",
            "2GB", "12:30", "a: b", "- item", "# comment", "\"quoted\"", "it's", "line\nbreak", "tab\tch", "{x: 1}",
            "[1, 2]", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "trailing ", " leading", "",
            "back\\slash", "\u2028separator", "emoji \uD83D\uDE00", "key:\n  nested: value", "| block", "> folded"})
    void yamlScalarReadsBackAsTheSameString(String value) {
        String document = "key: " + YamlScalars.quote(value) + "\nnext: 1\n";
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(document);
        assertEquals(Map.of("key", value, "next", 1), loaded, document);
    }

    @ParameterizedTest
    @ValueSource(strings = {"one line", "two\nlines", "sum(x)\n  / 2 > 0.5", "a: b\n- c\n# d", "with\n\nblank line",
            " leading space\nx", "trailing\nspace ", "ends\n", "\nstarts", "cr\r\nlf", "sep\u2028x\ny",
            "tab\tinside\nz", "'quotes' \"and\"\n|pipes >folds", "key:\n  nested: value"})
    void yamlBlockReadsBackAsTheSameString(String value) {
        String document = "outer:\n  inner:\n    key: " + YamlScalars.block(value, 6) + "\n    next: 1\n";
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(document);
        assertEquals(Map.of("outer", Map.of("inner", Map.of("key", value, "next", 1))), loaded, document);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "it's", "${injection}", "back\\slash", "line\nbreak", "'''", "a'b'c", "tab\tx"})
    void bicepStringReadsBackAsOnePlainString(String value) {
        assertEquals(value, BicepStrings.value(OutputEscaping.bicepString(value)));
    }
}
