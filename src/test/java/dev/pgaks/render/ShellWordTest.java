package dev.pgaks.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgaks.testsupport.ExternalCommand;
import dev.pgaks.testsupport.ToolRequirement;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sh.quote}: whatever a value holds, bash reads it back as exactly one word with that value. */
class ShellWordTest {

    private static final List<String> HOSTILE = List.of("rg-orders-prod", "my dir/out", "it's", "$(touch /tmp/pwned)",
            "`id`", "a;b|c&d", "\"quoted\"", "back\\slash", "*", "~", "", "new\nline", "tab\there", "-o", "ümlaut");

    @Test
    void everyValueRoundTripsThroughBashAsOneWord() throws IOException, InterruptedException {
        String bash = ToolRequirement.command("bash").toString();
        for (String value : HOSTILE) {
            String out = ExternalCommand.of(bash, "-c", "set -- " + OutputEscaping.shellWord(value) + "; printf '%s|%s' \"$#\" \"$1\"")
                    .run().output();
            assertEquals("1|" + value, out, "value " + value + " quoted as " + OutputEscaping.shellWord(value));
        }
    }

    @Test
    void plainNamesStayAsTheyAre() {
        assertEquals("out/cnpg", OutputEscaping.shellWord("out/cnpg"));
        assertEquals("rg-orders-prod", OutputEscaping.shellWord("rg-orders-prod"));
        assertEquals("'my dir'", OutputEscaping.shellWord("my dir"));
        assertEquals("'it'\\''s'", OutputEscaping.shellWord("it's"));
    }
}
