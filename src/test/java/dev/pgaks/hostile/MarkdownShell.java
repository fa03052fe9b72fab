package dev.pgaks.hostile;

import java.util.ArrayList;
import java.util.List;

/** The fenced shell code blocks of a Markdown file: what an engineer copies into a terminal. */
final class MarkdownShell {

    private MarkdownShell() {}

    static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            if (current == null && (trimmed.equals("```sh") || trimmed.equals("```bash") || trimmed.equals("```shell"))) {
                current = new StringBuilder();
            } else if (current != null && trimmed.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }
}
