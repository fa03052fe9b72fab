package dev.pgaks.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stages' packages import each other without cycles, so each can be read, tested and changed from its inputs
 * alone; and the packages every stage uses (diagnostic, facts) use no stage.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/pgaks");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import dev\\.pgaks\\.([a-z]+)\\.");

    @Test
    void thePackagesFormNoCycle() {
        assertEquals(List.of(), cycles(graph()));
    }

    @Test
    void sharedPackagesUseNoStage() {
        Map<String, Set<String>> graph = graph();
        assertEquals(Set.of(), graph.getOrDefault("diagnostic", Set.of()));
        assertEquals(Set.of("diagnostic"), graph.getOrDefault("facts", Set.of()));
    }

    /** The check itself: a planted cycle is found. */
    @Test
    void aPlantedCycleIsFound() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("load", Set.of("resolve"), "resolve", Set.of("validate"),
                "validate", Set.of("load"), "cli", Set.of("load")));
        assertEquals(List.of("load -> resolve -> validate -> load"), cycles(graph));
    }

    private static Map<String, Set<String>> graph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String from = relative.getName(0).toString();
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        graph.computeIfAbsent(from, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** Each cycle once, from its alphabetically first package. */
    private static List<String> cycles(Map<String, Set<String>> graph) {
        Set<String> found = new TreeSet<>();
        for (String start : graph.keySet()) {
            walk(graph, start, start, new ArrayList<>(List.of(start)), found);
        }
        return List.copyOf(found);
    }

    private static void walk(Map<String, Set<String>> graph, String start, String at, List<String> path, Set<String> found) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start) && path.stream().allMatch(p -> start.compareTo(p) <= 0)) {
                found.add(String.join(" -> ", path) + " -> " + start);
            } else if (!path.contains(next)) {
                path.add(next);
                walk(graph, start, next, path, found);
                path.remove(path.size() - 1);
            }
        }
    }
}
