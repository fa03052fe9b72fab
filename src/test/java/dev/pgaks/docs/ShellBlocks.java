package dev.pgaks.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
        try {
            Process process = new ProcessBuilder(bash.toString(), "-n").redirectErrorStream(true).start();
            process.getOutputStream().write(block.text().getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("bash -n timed out");
            }
            return process.exitValue() == 0 ? Optional.empty() : Optional.of(output.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
