package dev.mast.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A Kismatic plan file as an index from property path ({@code cluster.networking.pod_cidr_block},
 * {@code master.nodes[1].ip}) to its node and the location of its key, plus the record of which
 * paths the import has used, so whatever is left over can be reported.
 */
final class KismaticTree {
    /** {@code ${etcd0_ip}}: a value a template engine was meant to fill in. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

    private final String file;
    private final Node root;
    private final Map<String, Node> values = new HashMap<>();
    private final Map<String, Location> keyLocations = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    /** Every path something inside of which was used; kept as paths are used, so asking costs nothing. */
    private final Set<String> partlyUsed = new HashSet<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final List<Problem> errors = new ArrayList<>();

    KismaticTree(String file, Node root) {
        this.file = file;
        this.root = root;
        index("", root);
    }

    private void index(String path, Node node) {
        values.put(path, node);
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key) {
                    String child = StrictYaml.join(path, key.getValue());
                    if (values.containsKey(child)) {
                        warn(child, key, "appears twice; the first one is used");
                        continue;
                    }
                    keyLocations.put(child, YamlSource.location(file, key));
                    index(child, entry.getValueNode());
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                keyLocations.put(path + "[" + i + "]", YamlSource.location(file, item));
                index(path + "[" + i + "]", item);
            }
        }
    }

    Node root() {
        return root;
    }

    Optional<Node> node(String path) {
        return Optional.ofNullable(values.get(path));
    }

    /** Marks a path as carried over into the plan, so it is not reported as left out. */
    void use(String path) {
        used.add(path);
        // Stops at an enclosing path already there: the ones further out went in with it.
        String at = SourceMap.parent(path);
        while (!at.isEmpty() && partlyUsed.add(at)) {
            at = SourceMap.parent(at);
        }
    }

    boolean isUsed(String path) {
        return used.contains(path);
    }

    /** True if something inside the path was used: the leftovers are reported one level down. */
    boolean isPartlyUsed(String path) {
        return partlyUsed.contains(path);
    }

    /**
     * The text at a path, marking it used; empty if the key is absent, null or "". A value
     * that is not text (a list where a name belongs), or a template's unfilled placeholder, is an
     * error: the import cannot guess.
     */
    Optional<String> text(String path) {
        use(path);
        Node node = values.get(path);
        if (node == null || StrictYaml.isNull(node)) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode scalar)) {
            fail(path, "expected text, found " + StrictYaml.kind(node));
            return Optional.empty();
        }
        Matcher placeholder = PLACEHOLDER.matcher(scalar.getValue());
        if (placeholder.find()) {
            fail(path, "holds the template placeholder " + placeholder.group() + ": this file is a template (Terraform's,"
                    + " for example) that was never filled in; import the file it renders");
            return Optional.empty();
        }
        return scalar.getValue().isEmpty() ? Optional.empty() : Optional.of(scalar.getValue());
    }

    /** Whether a path is absent, null or "": a value that was never given, as opposed to one the import refused. */
    boolean isBlank(String path) {
        Node node = values.get(path);
        return node == null || StrictYaml.isNull(node) || (node instanceof ScalarNode scalar && scalar.getValue().isBlank());
    }

    /** The entries of a mapping in file order; a mapping is required where one is present. */
    List<String> keys(String path) {
        Node node = values.get(path);
        if (node == null || StrictYaml.isNull(node)) {
            return List.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            fail(path, "expected a mapping, found " + StrictYaml.kind(node));
            return List.of();
        }
        var keys = new ArrayList<String>();
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key && !keys.contains(key.getValue())) {
                keys.add(key.getValue());
            }
        }
        return keys;
    }

    /** The number of items of a list; a list is required where one is present. */
    int size(String path) {
        Node node = values.get(path);
        if (node == null || StrictYaml.isNull(node)) {
            return 0;
        }
        if (!(node instanceof SequenceNode sequence)) {
            fail(path, "expected a list, found " + StrictYaml.kind(node));
            return 0;
        }
        return sequence.getValue().size();
    }

    /** Where a path's key is, or its nearest enclosing one's; the file's start for what is not in the file at all. */
    Optional<Location> location(String path) {
        for (String at = path; !at.isEmpty(); at = SourceMap.parent(at)) {
            if (keyLocations.containsKey(at)) {
                return Optional.of(keyLocations.get(at));
            }
        }
        return Optional.of(new Location(file, 1, 1));
    }

    void warn(String path, String message) {
        warnings.add(Problem.warning(path, message, location(path)));
    }

    private void warn(String path, Node at, String message) {
        warnings.add(Problem.warning(path, message, Optional.of(YamlSource.location(file, at))));
    }

    /** Something the import cannot convert; the import fails after collecting all of them. */
    void fail(String path, String message) {
        Problem problem = Problem.error(path, message, location(path));
        // A value read twice (the endpoint's host is read for the certificate too) is reported once.
        if (!errors.contains(problem)) {
            errors.add(problem);
        }
    }

    List<Problem> errors() {
        return errors;
    }

    /** Warnings in file order; those without a location first. */
    List<Problem> warnings() {
        return warnings.stream().sorted(Comparator.comparing((Problem p) -> p.location().map(Location::line).orElse(0))
                .thenComparing(p -> p.location().map(Location::column).orElse(0))).toList();
    }
}
