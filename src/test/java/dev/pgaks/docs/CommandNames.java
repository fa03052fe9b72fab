package dev.pgaks.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the commands of a shell block the way a shell would split them (quotes, continuations, pipes, {@code $(...)},
 * heredocs) and checks each resource name a {@code kubectl}, {@code helm} or {@code az} command names against the
 * names that exist ({@link KnownNames}). A word the shell computes ({@code "$PRIMARY"}) is not checked: its value
 * comes from the cluster, which is the point.
 */
final class CommandNames {

    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*'?([A-Za-z_][A-Za-z0-9_]*)'?");
    private static final Pattern HEREDOC_NAME = Pattern.compile("^\\s*(?:- )?name: ([A-Za-z0-9.-]+)\\s*$");
    private static final String DYNAMIC = "\u0000dynamic";
    private static final Set<String> SEPARATORS = Set.of("|", "||", "&&", ";", "&");
    private static final Set<String> REDIRECTS = Set.of(">", ">>", "<", "2>", "2>>");
    private static final Set<String> KEYWORDS = Set.of("do", "then", "else", "{", "}", "!", "done", "fi");
    private static final Set<String> SKIPPED_PROGRAMS = Set.of("for", "while", "if", "echo", "printf", "cat", "date",
            "awk", "sed", "sort", "comm", "wc", "tail", "head", "grep", "tee", "rm", "cp", "git", "read", "base64",
            "openssl", "tr", "unset", "test", "sleep", "psql", "vacuumdb", "ls", "[", "false");
    /** Kinds of kubectl resources whose names the check knows, by every spelling kubectl accepts for them. */
    private static final Map<String, String> KINDS = new HashMap<>();

    static {
        for (String k : List.of("cluster", "clusters", "failoverquorum", "failoverquorums")) {
            KINDS.put(k, "cluster");
        }
        for (String k : List.of("secret", "secrets")) {
            KINDS.put(k, "secret");
        }
        for (String k : List.of("deployment", "deployments", "deploy")) {
            KINDS.put(k, "deployment");
        }
        for (String k : List.of("objectstore", "objectstores")) {
            KINDS.put(k, "objectstore");
        }
        for (String k : List.of("scheduledbackup", "scheduledbackups")) {
            KINDS.put(k, "scheduledbackup");
        }
        for (String k : List.of("backup", "backups")) {
            KINDS.put(k, "backup");
        }
        for (String k : List.of("pooler", "poolers")) {
            KINDS.put(k, "pooler");
        }
        for (String k : List.of("job", "jobs")) {
            KINDS.put(k, "job");
        }
        for (String k : List.of("pod", "pods", "po")) {
            KINDS.put(k, "pod");
        }
        for (String k : List.of("prometheusrule", "prometheusrules")) {
            KINDS.put(k, "prometheusrule");
        }
        for (String k : List.of("namespace", "namespaces", "ns")) {
            KINDS.put(k, "namespace");
        }
    }

    private CommandNames() {}

    /** Every problem with the names in {@code block}, as "FILE:LINE: what". */
    static List<String> check(ShellBlocks.Block block, KnownNames known) {
        List<String> problems = new ArrayList<>();
        for (List<String> command : commands(block.text(), known)) {
            checkCommand(command, known, problems, block.where());
        }
        return problems;
    }

    /** The simple commands of a shell text, each as its words; heredoc bodies are dropped, their names kept. */
    static List<List<String>> commands(String text, KnownNames known) {
        StringBuilder kept = new StringBuilder();
        String terminator = null;
        for (String line : text.split("\n")) {
            if (terminator != null) {
                if (line.strip().equals(terminator)) {
                    terminator = null;
                } else {
                    Matcher name = HEREDOC_NAME.matcher(line);
                    if (name.matches()) {
                        known.createdHere(name.group(1));
                    }
                }
                continue;
            }
            Matcher heredoc = HEREDOC.matcher(line);
            if (heredoc.find()) {
                terminator = heredoc.group(1);
                line = line.substring(0, heredoc.start()) + line.substring(heredoc.end());
            }
            kept.append(line).append('\n');
        }
        String joined = kept.toString().replace("\\\n", " ");
        List<List<String>> commands = new ArrayList<>();
        for (String line : joined.split("\n")) {
            split(line, commands);
        }
        return commands;
    }

    /** Splits one line into simple commands; the text of each {@code $(...)} becomes commands of its own. */
    private static void split(String line, List<List<String>> commands) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean dynamic = false;
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                end = end < 0 ? line.length() : end;
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                int end = i + 1;
                while (end < line.length() && line.charAt(end) != '"') {
                    if (line.startsWith("$(", end) && !line.startsWith("$((", end)) {
                        int close = closing(line, end + 1);
                        split(line.substring(end + 2, close), commands);
                        end = close;
                    }
                    if (line.charAt(end) == '$' || line.charAt(end) == '`') {
                        dynamic = true;
                    }
                    if (line.charAt(end) == '\\') {
                        end++;
                    }
                    end++;
                }
                word.append(line, i + 1, Math.min(end, line.length()));
                inWord = true;
                i = end + 1;
            } else if (line.startsWith("$(", i) && !line.startsWith("$((", i)) {
                int close = closing(line, i + 1);
                split(line.substring(i + 2, close), commands);
                dynamic = true;
                inWord = true;
                i = close + 1;
            } else if (c == '$') {
                dynamic = true;
                inWord = true;
                word.append(c);
                i++;
            } else if (c == '#' && !inWord) {
                break;
            } else if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&' || c == '>' || c == '<') {
                if (inWord) {
                    words.add(finish(word, dynamic));
                }
                word.setLength(0);
                dynamic = false;
                inWord = false;
                if (!Character.isWhitespace(c)) {
                    int end = i + 1;
                    while (end < line.length() && "|&>;".indexOf(line.charAt(end)) >= 0 && end - i < 2) {
                        end++;
                    }
                    words.add(line.substring(i, end));
                    i = end;
                } else {
                    i++;
                }
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(finish(word, dynamic));
        }
        List<String> current = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String token = words.get(w);
            if (SEPARATORS.contains(token)) {
                commands.add(current);
                current = new ArrayList<>();
            } else if (REDIRECTS.contains(token) || token.startsWith(">")) {
                w++;
            } else {
                current.add(token);
            }
        }
        commands.add(current);
        commands.removeIf(List::isEmpty);
    }

    /** A computed word is unknown, except that an assignment stays recognisable as one. */
    private static String finish(StringBuilder word, boolean dynamic) {
        String text = word.toString();
        return !dynamic || text.matches("[A-Za-z_][A-Za-z0-9_]*=.*") ? text : DYNAMIC;
    }

    private static int closing(String line, int open) {
        int depth = 0;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                i = end < 0 ? line.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return line.length();
    }

    private static void checkCommand(List<String> words, KnownNames known, List<String> problems, String where) {
        int start = 0;
        while (start < words.size() && (KEYWORDS.contains(words.get(start)) || words.get(start).matches("[A-Za-z_][A-Za-z0-9_]*=.*")
                || words.get(start).equals(DYNAMIC) && start + 1 < words.size() && words.get(start + 1).equals(DYNAMIC))) {
            start++;
        }
        if (start >= words.size() || SKIPPED_PROGRAMS.contains(words.get(start))) {
            return;
        }
        List<String> w = words.subList(start, words.size());
        Problems out = (what, name) -> problems.add(where + ": " + what + " '" + name + "' does not exist in the rendered tree: " + String.join(" ", w));
        switch (w.get(0)) {
            case "kubectl" -> kubectl(w, known, out);
            case "helm" -> helm(w, known, out);
            case "az" -> az(w, known, out);
            case "pgaks", "kubelogin" -> { }
            default -> problems.add(where + ": unexpected program '" + w.get(0) + "' (teach CommandNames what it names): " + String.join(" ", w));
        }
    }

    private interface Problems {
        void report(String what, String name);
    }

    private static void kubectl(List<String> w, KnownNames known, Problems out) {
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < w.size(); i++) {
            String word = w.get(i);
            String value = i + 1 < w.size() ? w.get(i + 1) : DYNAMIC;
            if (word.equals("--")) {
                break;
            }
            switch (word) {
                case "--namespace", "-n" -> {
                    name(known, "namespace", value, out);
                    i++;
                }
                case "-l", "--selector" -> {
                    for (String pair : value.split(",")) {
                        if (pair.startsWith("cnpg.io/cluster=")) {
                            name(known, "cluster", pair.substring("cnpg.io/cluster=".length()), out);
                        }
                    }
                    i++;
                }
                case "-k", "-f", "--kustomize", "--filename" -> {
                    // kubectl cnpg report writes its zip to -f
                    if (!w.contains("report")) {
                        path(known, value, out);
                    }
                    i++;
                }
                default -> {
                    if (word.startsWith("--namespace=")) {
                        name(known, "namespace", word.substring("--namespace=".length()), out);
                    } else if (word.startsWith("-") && !word.contains("=") && takesValue(word)) {
                        i++;
                    } else if (!word.startsWith("-")) {
                        positional.add(word);
                    }
                }
            }
        }
        if (positional.isEmpty()) {
            return;
        }
        String verb = positional.get(0);
        if (verb.equals("cnpg")) {
            cnpg(positional, known, out);
            return;
        }
        List<String> args = positional.subList(1, positional.size());
        if (verb.equals("rollout") && !args.isEmpty()) {
            args = args.subList(1, args.size());
        }
        if (List.of("get", "delete", "wait", "describe", "rollout", "logs", "patch", "annotate", "exec").contains(verb)) {
            resources(verb, args, known, out);
        }
    }

    private static boolean takesValue(String flag) {
        return Set.of("-o", "--output", "--for", "--timeout", "--sort-by", "--type", "-p", "--tail", "--since",
                "--grace-period", "-c", "--container", "-L", "--dry-run", "--image", "--restart", "--overrides",
                "--env", "-i").contains(flag) && !flag.equals("-i");
    }

    private static void resources(String verb, List<String> args, KnownNames known, Problems out) {
        if (args.isEmpty()) {
            return;
        }
        String first = args.get(0);
        if (first.contains("/")) {
            for (String arg : args) {
                String[] kindName = arg.split("/", 2);
                String kind = KINDS.get(kindName[0]);
                if (kind != null) {
                    name(known, kind, kindName[1], out);
                }
            }
            return;
        }
        if (verb.equals("logs") || verb.equals("exec")) {
            name(known, "pod", first, out);
            return;
        }
        String kind = KINDS.get(first);
        if (kind != null) {
            for (String name : args.subList(1, args.size())) {
                name(known, kind, name, out);
            }
        }
    }

    private static void cnpg(List<String> positional, KnownNames known, Problems out) {
        if (positional.size() < 2) {
            return;
        }
        String verb = positional.get(1);
        int clusterAt = switch (verb) {
            case "report", "fencing", "hibernate" -> verb.equals("report") && positional.size() > 2
                    && positional.get(2).equals("operator") ? -1 : 3;
            case "status", "promote", "restart", "destroy", "psql", "backup", "reload", "maintenance" -> 2;
            default -> -1;
        };
        if (clusterAt > 0 && clusterAt < positional.size()) {
            name(known, "cluster", positional.get(clusterAt), out);
        }
    }

    private static void helm(List<String> w, KnownNames known, Problems out) {
        for (int i = 1; i + 1 < w.size(); i++) {
            if (w.get(i).equals("-f") || w.get(i).equals("--values")) {
                path(known, w.get(i + 1), out);
            } else if (w.get(i).equals("--namespace") || w.get(i).equals("-n")) {
                name(known, "namespace", w.get(i + 1), out);
            }
        }
    }

    private static void az(List<String> w, KnownNames known, Problems out) {
        boolean creates = w.contains("create");
        for (int i = 1; i + 1 < w.size(); i++) {
            String flag = w.get(i);
            String value = w.get(i + 1);
            switch (flag) {
                case "--resource-group", "-g" -> name(known, "resourcegroup", value, out);
                case "--template-file", "--parameters", "--definition" -> path(known, value, out);
                case "--name", "-n", "--identity-name", "--cluster-name", "--account-name" -> {
                    if (creates && flag.equals("--name") && !w.get(1).equals("group") && !w.get(1).equals("deployment")) {
                        known.createdHere(value);
                    } else {
                        name(known, "azure", value, out);
                    }
                }
                default -> { }
            }
        }
    }

    private static void name(KnownNames known, String kind, String name, Problems out) {
        if (!name.equals(DYNAMIC) && !known.has(kind, name)) {
            out.report(kind, name);
        }
    }

    private static void path(KnownNames known, String path, Problems out) {
        if (!path.equals(DYNAMIC) && !path.equals("-") && !known.hasPath(path)) {
            out.report("file", path);
        }
    }
}
