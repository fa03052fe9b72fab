package dev.pgaks.load;

import dev.pgaks.diagnostic.Diagnostic;
import dev.pgaks.diagnostic.Outcome;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
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
 * one document, bounded size and aliases; every duplicate key is reported, not only the first.
 */
public final class SpecLoader {

    static final int MAX_BYTES = 1 << 20;
    private static final int MAX_ALIASES = 50;

    public Outcome<SpecDocument> load(Path path) {
        String name = path.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return fail(name, 1, 1, "spec file not found", "pass the path of a pgaks.yaml; `pgaks init` writes a starter spec");
        } catch (IOException e) {
            return fail(name, 1, 1, "cannot read spec: " + e.getMessage(), null);
        }
        return load(name, bytes);
    }

    public Outcome<SpecDocument> load(String name, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return fail(name, 1, 1, "spec is larger than 1 MiB", "a pgaks spec is a few dozen lines; check the file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return fail(name, 1, 1, "spec is not valid UTF-8", "save the file as UTF-8");
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_BYTES)
                .build();
        List<Node> documents = new ArrayList<>();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            composer.forEachRemaining(documents::add);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            return fail(name, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                    "invalid YAML: " + e.getProblem(), "check indentation and quoting around this position");
        } catch (YamlEngineException e) {
            return fail(name, 1, 1, "invalid YAML: " + e.getMessage(), null);
        }
        if (documents.isEmpty()) {
            return fail(name, 1, 1, "spec is empty", "start from `pgaks init`");
        }
        if (documents.size() > 1) {
            SpecDocument.Position second = position(documents.get(1));
            return fail(name, second.line(), second.column(), "spec holds more than one YAML document",
                    "keep one spec per file; remove the `---` separator");
        }
        Node rootNode = documents.get(0);
        if (!(rootNode instanceof MappingNode)) {
            SpecDocument.Position at = position(rootNode);
            return fail(name, at.line(), at.column(), "spec must be a mapping of fields", "start from `pgaks init`");
        }
        Tree tree = new Tree(name, new StandardConstructor(settings));
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) tree.convert(rootNode, "");
        if (!tree.problems.isEmpty()) {
            return Outcome.failure(tree.problems);
        }
        return Outcome.success(new SpecDocument(name, bytes, root, Map.copyOf(tree.keys), Map.copyOf(tree.values)));
    }

    private static Outcome<SpecDocument> fail(String file, int line, int column, String message, String hint) {
        return Outcome.failure(List.of(new Diagnostic(file, line, column, message, hint)));
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

        Tree(String file, StandardConstructor constructor) {
            this.file = file;
            this.constructor = constructor;
        }

        Object convert(Node node, String pointer) {
            values.put(pointer, position(node));
            if (node instanceof MappingNode mapping) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    SpecDocument.Position keyAt = position(tuple.getKeyNode());
                    if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                        problems.add(new Diagnostic(file, keyAt.line(), keyAt.column(), "mapping keys must be plain strings", null));
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
            return constructor.constructSingleDocument(Optional.of(node));
        }
    }
}
