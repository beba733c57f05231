package dev.mast.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads values out of a YAML node tree the strict way Mast's own plan file needs: unknown or
 * repeated keys and values of the wrong kind become located problems, and every value read is
 * recorded with its location. It keeps going after a problem so one pass reports them all.
 */
final class StrictYaml {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Location> locations = new LinkedHashMap<>();

    StrictYaml(String file) {
        this.file = file;
    }

    List<Problem> problems() {
        return problems;
    }

    SourceMap sourceMap() {
        return new SourceMap(locations);
    }

    void record(String path, Node node) {
        locations.put(path, YamlSource.location(file, node));
    }

    void error(String path, Node at, String message) {
        problems.add(Problem.error(path, message, Optional.of(YamlSource.location(file, at))));
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /**
     * The entries of a mapping by key, checking that every key is one of {@code known}; empty if
     * the node is not a mapping (a problem is recorded). A YAML null counts as an empty mapping.
     */
    Optional<Map<String, NodeTuple>> mapping(Node node, String path, List<String> known) {
        if (isNull(node)) {
            return Optional.of(Map.of());
        }
        if (!(node instanceof MappingNode mapping)) {
            error(path, node, "expected a mapping with the keys " + String.join(", ", known) + ", found " + kind(node));
            return Optional.empty();
        }
        var entries = new LinkedHashMap<String, NodeTuple>();
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
                error(path, entry.getKeyNode(), "a key must be plain text, found " + kind(entry.getKeyNode()));
                continue;
            }
            String key = keyNode.getValue();
            String keyPath = join(path, key);
            if (!known.contains(key)) {
                error(keyPath, keyNode, unknownKey(key, path, known));
            } else if (entries.containsKey(key)) {
                error(keyPath, keyNode, SafeText.quote(key) + " appears twice; keep only one");
            } else {
                entries.put(key, entry);
            }
        }
        return Optional.of(entries);
    }

    /** Any mapping with text keys (extra flags), checking only for repeated keys. */
    Optional<Map<String, NodeTuple>> openMapping(Node node, String path) {
        if (isNull(node)) {
            return Optional.of(Map.of());
        }
        if (!(node instanceof MappingNode mapping)) {
            error(path, node, "expected a mapping, found " + kind(node));
            return Optional.empty();
        }
        var entries = new LinkedHashMap<String, NodeTuple>();
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
                error(path, entry.getKeyNode(), "a key must be plain text, found " + kind(entry.getKeyNode()));
            } else if (entries.containsKey(keyNode.getValue())) {
                error(join(path, keyNode.getValue()), keyNode, SafeText.quote(keyNode.getValue()) + " appears twice; keep only one");
            } else {
                entries.put(keyNode.getValue(), entry);
            }
        }
        return Optional.of(entries);
    }

    /** The items of a list; a YAML null counts as an empty list. */
    Optional<List<Node>> sequence(Node node, String path, String example) {
        if (isNull(node)) {
            return Optional.of(List.of());
        }
        if (!(node instanceof SequenceNode sequence)) {
            error(path, node, "expected a list such as " + example + ", found " + kind(node));
            return Optional.empty();
        }
        return Optional.of(sequence.getValue());
    }

    /** Text exactly as written; numbers and booleans are taken as their text, null as "". */
    Optional<String> text(Node node, String path) {
        record(path, node);
        if (!(node instanceof ScalarNode scalar)) {
            error(path, node, "expected text, found " + kind(node));
            return Optional.empty();
        }
        return Optional.of(isNull(node) ? "" : scalar.getValue());
    }

    /** A whole number that fits an int; range checks are the validator's job. */
    Optional<Integer> integer(Node node, String path, String what) {
        Optional<String> text = text(node, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get().trim();
        if (value.matches("\\+?\\d{1,9}")) {
            return Optional.of(Integer.parseInt(value.startsWith("+") ? value.substring(1) : value));
        }
        error(path, node, SafeText.quote(text.get()) + " is not " + what);
        return Optional.empty();
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String kind(Node node) {
        if (isNull(node)) {
            return "nothing";
        }
        return switch (node.getNodeId()) {
            case mapping -> "a mapping";
            case sequence -> "a list";
            case scalar -> SafeText.quote(((ScalarNode) node).getValue());
            default -> "an alias";
        };
    }

    private static String unknownKey(String key, String path, List<String> known) {
        String where = path.isEmpty() ? "the top level" : path;
        String message = "unknown key " + SafeText.quote(key) + "; " + where + " takes " + String.join(", ", known);
        return known.stream()
                .filter(k -> k.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")))
                .findFirst()
                .map(k -> message + " (did you mean " + k + "?)")
                .orElse(message);
    }
}
