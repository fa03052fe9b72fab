package dev.pgaks.load;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.Outcome;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a spec file into a {@link SpecDocument}. YAML 1.2 core schema (so {@code on}/{@code yes} stay strings),
 * one document, no tags, and the bounds of {@link InputLimits}; every duplicate key is reported, not only the first.
 */
public final class SpecLoader {

    /**
     * The spec's file name is written into every rendered header and the README's commands: it is kept to characters
     * that need no quoting in a shell, a YAML or Bicep comment, an HTML comment or a Markdown code span.
     */
    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+=,@-]{0,99}");

    public Outcome<SpecDocument> load(Path path) {
        return InputLimits.readRegularFile(path, InputLimits.MAX_SPEC_BYTES, "spec file",
                        "pass the path of a pgaks.yaml (a regular file of at most 1 MiB); `pgaks init` writes a starter spec")
                .then(bytes -> load(path.toString(), bytes));
    }

    /** The spec named {@code name}, merged with the bases it {@code extends} (read relative to {@code name}). */
    public Outcome<SpecDocument> load(String name, byte[] bytes) {
        return parse(name, bytes, "spec").then(spec -> ExtendsChain.follow(spec, this));
    }

    /** One file, spec or base, on its own; only a spec's name is copied into output, so only its name is checked. */
    Outcome<SpecDocument> parse(String name, byte[] bytes, String what) {
        if (bytes.length > InputLimits.MAX_SPEC_BYTES) {
            return fail(name, 1, 1, what + " is larger than 1 MiB", "a pgaks spec is a few dozen lines; check the file");
        }
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        if (what.equals("spec") && !SAFE_FILE_NAME.matcher(fileName).matches()) {
            return fail(name, 1, 1, "the spec's file name '" + fileName + "' has characters pgaks does not write into output",
                    "rename it using letters, digits and . _ - + = , @ (for example pgaks.yaml): the name is copied into "
                            + "every file header and the README's shell commands");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            SpecDocument.Position at = bytePosition(bytes, in.position());
            return fail(name, at.line(), at.column(), String.format("spec is not valid UTF-8: byte 0x%02x at offset %d",
                    bytes[in.position()] & 0xff, in.position()), "save the file as UTF-8");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true)
                .setAllowNonScalarKeys(true)
                .setMaxAliasesForCollections(InputLimits.MAX_ALIASES)
                .setCodePointLimit(InputLimits.MAX_SPEC_BYTES)
                .build();
        Optional<Diagnostic> refused = flowDepth(name, text).or(() -> rawCharacters(name, text));
        if (refused.isPresent()) {
            return Outcome.failure(List.of(refused.get()));
        }
        List<Node> documents = new ArrayList<>();
        try {
            Optional<Diagnostic> shape = checkEvents(name, settings, text);
            if (shape.isPresent()) {
                return Outcome.failure(List.of(shape.get()));
            }
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            composer.forEachRemaining(documents::add);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            return fail(name, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                    "invalid YAML: " + e.getProblem(), "check indentation and quoting around this position");
        } catch (YamlEngineException e) {
            return fail(name, 1, 1, "invalid YAML: " + e.getMessage(), "check the file's YAML syntax");
        }
        if (documents.isEmpty()) {
            return fail(name, 1, 1, what + " is empty", "start from `pgaks init`");
        }
        if (documents.size() > 1) {
            SpecDocument.Position second = position(documents.get(1));
            return fail(name, second.line(), second.column(), what + " holds more than one YAML document",
                    "keep one spec per file; remove the `---` separator");
        }
        Node rootNode = documents.get(0);
        if (!(rootNode instanceof MappingNode)) {
            SpecDocument.Position at = position(rootNode);
            return fail(name, at.line(), at.column(), what + " must be a mapping of fields", what.equals("spec")
                    ? "start from `pgaks init`" : "a base holds top-level fields of a spec, such as azure: or postgres:");
        }
        Tree tree = new Tree(name, new StandardConstructor(settings));
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) tree.convert(rootNode, "");
        if (tree.problems.isEmpty() && tree.overflow != null) {
            return fail(name, tree.overflow.line(), tree.overflow.column(), "spec expands to more than " + InputLimits.MAX_NODES
                    + " values through its aliases", "a pgaks spec has a few hundred values; write them out instead of aliasing them");
        }
        if (!tree.problems.isEmpty()) {
            return Outcome.failure(tree.problems);
        }
        return Outcome.success(new SpecDocument(name, bytes, root, Map.copyOf(tree.keys), Map.copyOf(tree.values)));
    }

    private static Outcome<SpecDocument> fail(String file, int line, int column, String message, String hint) {
        return Outcome.failure(List.of(new Diagnostic(file, line, column, message, hint)));
    }

    /** Line and column (in characters) of the byte at {@code offset}; the bytes before it are valid UTF-8. */
    private static SpecDocument.Position bytePosition(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        return new SpecDocument.Position(line, before.codePointCount(0, before.length()) + 1);
    }

    /**
     * Characters YAML does not allow in a stream (NUL, escape and the other C0 and C1 controls but tab, LF, CR and
     * NEL), at their line and column: the YAML reader would refuse them too, but at the start of the file. Lines past
     * the limit are refused too.
     */
    private static Optional<Diagnostic> rawCharacters(String file, String text) {
        int line = 1;
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
            } else if (column > InputLimits.MAX_LINE_CHARS) {
                return Optional.of(new Diagnostic(file, line, column, "line " + line + " is longer than " + InputLimits.MAX_LINE_CHARS
                        + " characters", "no pgaks value is that long; break the line or shorten the value"));
            } else if (c != '\t' && c != '\r' && c != '\u0085' && (c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\ufffe' || c == '\uffff')) {
                return Optional.of(new Diagnostic(file, line, column, String.format("character U+%04X is not allowed in a YAML file", (int) c),
                        "remove it; to put such a character in a value, which no pgaks field accepts, YAML needs an escape"));
            }
        }
        return Optional.empty();
    }

    /**
     * Flow collections ({@code [[[...]]]}) nested past the limit are refused from the text alone: the YAML scanner
     * recurses on them and would exhaust the stack before any event is seen. Brackets inside quoted strings count
     * too, which can only refuse a spec no real one resembles.
     */
    private static Optional<Diagnostic> flowDepth(String file, String text) {
        int depth = 0;
        int line = 1;
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
            } else if (c == '[' || c == '{') {
                if (++depth > InputLimits.MAX_NESTING_DEPTH) {
                    return Optional.of(new Diagnostic(file, line, column, "spec nests deeper than "
                            + InputLimits.MAX_NESTING_DEPTH + " levels", "a pgaks spec nests at most six levels; check the brackets"));
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return Optional.empty();
    }

    /**
     * Walks the parser's events before anything is built: refuses tags ({@code !!binary}, {@code !!python/object},
     * {@code %TAG} shorthands), nesting past the limit, too many aliases and an alias to a collection that contains
     * it, each at its place in the file.
     */
    private static Optional<Diagnostic> checkEvents(String file, LoadSettings settings, String text) {
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        Deque<Optional<String>> open = new ArrayDeque<>();
        Set<String> openAnchors = new HashSet<>();
        int aliases = 0;
        int values = 0;
        while (parser.hasNext()) {
            Event event = parser.next();
            if ((event instanceof ScalarEvent || event instanceof CollectionStartEvent) && ++values > InputLimits.MAX_NODES) {
                return Optional.of(at(file, event, "spec holds more than " + InputLimits.MAX_NODES + " values",
                        "a pgaks spec has a few hundred values; check for a runaway list"));
            }
            Optional<String> tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                    : event instanceof CollectionStartEvent start ? start.getTag() : Optional.empty();
            if (tag.isPresent()) {
                return Optional.of(at(file, event, "YAML tag '" + tag.get() + "' is not allowed in a spec",
                        "remove the tag; a spec holds plain strings, numbers, booleans, lists and mappings"));
            }
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    Optional<String> anchor = ((NodeEvent) event).getAnchor().map(a -> a.getValue());
                    open.push(anchor);
                    anchor.ifPresent(openAnchors::add);
                    if (open.size() > InputLimits.MAX_NESTING_DEPTH) {
                        return Optional.of(at(file, event, "spec nests deeper than " + InputLimits.MAX_NESTING_DEPTH + " levels",
                                "a pgaks spec nests at most six levels; check the indentation"));
                    }
                }
                case MappingEnd, SequenceEnd -> open.pop().ifPresent(openAnchors::remove);
                case Alias -> {
                    String anchor = ((AliasEvent) event).getAlias().getValue();
                    if (openAnchors.contains(anchor)) {
                        return Optional.of(at(file, event, "alias *" + anchor + " refers to the collection that contains it",
                                "a spec cannot contain itself; copy the values instead"));
                    }
                    if (++aliases > InputLimits.MAX_ALIASES) {
                        return Optional.of(at(file, event, "spec uses more than " + InputLimits.MAX_ALIASES + " aliases",
                                "write the values out instead of aliasing them"));
                    }
                }
                default -> { }
            }
        }
        return Optional.empty();
    }

    private static Diagnostic at(String file, Event event, String message, String hint) {
        Mark mark = event.getStartMark().orElse(null);
        return new Diagnostic(file, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, message, hint);
    }

    private static SpecDocument.Position position(Node node) {
        return node.getStartMark().map(m -> new SpecDocument.Position(m.getLine() + 1, m.getColumn() + 1))
                .orElse(new SpecDocument.Position(1, 1));
    }

    /** Converts composed nodes into plain values while recording positions and duplicate keys. */
    private static final class Tree {
        private final String file;
        private final StandardConstructor constructor;
        private final Map<String, SpecDocument.Position> keys = new HashMap<>();
        private final Map<String, SpecDocument.Position> values = new HashMap<>();
        private final List<Diagnostic> problems = new ArrayList<>();
        private int nodes;
        private SpecDocument.Position overflow;

        Tree(String file, StandardConstructor constructor) {
            this.file = file;
            this.constructor = constructor;
        }

        Object convert(Node node, String pointer) {
            if (++nodes > InputLimits.MAX_NODES) {
                if (overflow == null) {
                    overflow = position(node);
                }
                return null;
            }
            values.put(pointer, position(node));
            if (node instanceof MappingNode mapping) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    SpecDocument.Position keyAt = position(tuple.getKeyNode());
                    if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                        problems.add(new Diagnostic(file, keyAt.line(), keyAt.column(), "mapping keys must be plain strings",
                                "write the key as a name followed by a colon; `?` complex keys are not part of a spec"));
                        continue;
                    }
                    String key = keyNode.getValue();
                    String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                    if (map.containsKey(key)) {
                        SpecDocument.Position first = keys.get(child);
                        problems.add(new Diagnostic(file, keyAt.line(), keyAt.column(),
                                "duplicate key '" + key + "' (first defined at line " + first.line() + ")",
                                "remove one of the two; YAML keeps only one value per key"));
                        continue;
                    }
                    keys.put(child, keyAt);
                    map.put(key, convert(tuple.getValueNode(), child));
                }
                return map;
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    list.add(convert(item, pointer + "/" + list.size()));
                }
                return list;
            }
            try {
                return constructor.constructSingleDocument(Optional.of(node));
            } catch (YamlEngineException e) {
                SpecDocument.Position at = position(node);
                problems.add(new Diagnostic(file, at.line(), at.column(), "invalid value: " + e.getMessage(), "quote the value to make it a string"));
                return null;
            }
        }
    }
}
