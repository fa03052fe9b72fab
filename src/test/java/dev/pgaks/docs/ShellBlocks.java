package dev.pgaks.docs;

import dev.pgaks.testsupport.ExternalCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell code blocks of a rendered Markdown file ({@code ```sh}, {@code ```bash}, {@code ```shell}), as an engineer
 * copies them: the fence's indentation (a block inside a list item) removed from every line.
 */
final class ShellBlocks {

    private static final Pattern OPEN = Pattern.compile("^( *)```(sh|bash|shell)\\s*$");
    private static final Pattern CLOSE = Pattern.compile("^ *```\\s*$");

    /** One block; {@code line} is the 1-based line of its first command in the Markdown file. */
    record Block(String file, int line, String text) {

        String where() {
            return file + ":" + line;
        }
    }

    private ShellBlocks() {}

    static List<Block> of(String file, String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = OPEN.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            int indent = open.group(1).length();
            int start = i + 1;
            StringBuilder text = new StringBuilder();
            for (i = start; i < lines.length && !CLOSE.matcher(lines[i]).matches(); i++) {
                String line = lines[i];
                int strip = 0;
                while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
                    strip++;
                }
                text.append(line.substring(strip)).append('\n');
            }
            if (i == lines.length) {
                throw new AssertionError(file + ":" + start + ": code block never closed");
            }
            blocks.add(new Block(file, start + 1, text.toString()));
        }
        return blocks;
    }

    /** What {@code bash -n} says about the block, if it is not valid shell. */
    static Optional<String> syntaxError(Path bash, Block block) {
        ExternalCommand.Result result = ExternalCommand.of(bash, "-n").input(block.text()).timeout(Duration.ofSeconds(30)).run();
        return result.exit() == 0 ? Optional.empty() : Optional.of(result.output().strip());
    }
}
