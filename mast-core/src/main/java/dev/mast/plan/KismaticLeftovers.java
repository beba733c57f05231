package dev.mast.plan;

import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reports everything in a Kismatic file that the import did not carry over, so nothing is
 * dropped silently, and every key that no Kismatic release knew ({@link KismaticSchema}). Only
 * values that mean something are reported: Kismatic writes every field with its default
 * ({@code disable: false}, {@code ""}, {@code []}), and a disabled add-on loses nothing. A section
 * the import used part of is reported field by field; any other at its own level
 * ({@code add_ons.heapster}, not each of its options). Values are never printed: they may be passwords.
 */
final class KismaticLeftovers {
    /** Sections reported per entry even though nothing in them is used. */
    private static final Set<String> SPLIT = Set.of("add_ons", "docker");

    /** Leaves that are defaults even when set: a registry port means nothing without a registry. */
    private static final Set<String> NOT_MEANINGFUL = Set.of("docker_registry.port");

    private final KismaticTree tree;

    private KismaticLeftovers(KismaticTree tree) {
        this.tree = tree;
    }

    static void report(KismaticTree tree) {
        if (!(tree.root() instanceof MappingNode root)) {
            return;
        }
        var leftovers = new KismaticLeftovers(tree);
        for (NodeTuple entry : root.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key) {
                if (KismaticSchema.find(key.getValue()).isPresent()) {
                    leftovers.checkKeys(key.getValue(), entry.getValueNode());
                    leftovers.visit(key.getValue(), entry.getValueNode());
                } else {
                    tree.warn(key.getValue(), "is not a section of any Kismatic release (" + KismaticSchema.OLDEST + " to "
                            + KismaticSchema.NEWEST + "); ignored");
                }
            }
        }
    }

    /** Names the keys below a known setting that no release had, so a misspelt setting is not lost quietly. */
    private void checkKeys(String path, Node node) {
        if (KismaticSchema.isFreeForm(path)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key) {
                    String child = StrictYaml.join(path, key.getValue());
                    if (KismaticSchema.find(child).isPresent()) {
                        checkKeys(child, entry.getValueNode());
                    } else {
                        tree.warn(child, "is not a setting of any Kismatic release (" + KismaticSchema.OLDEST + " to "
                                + KismaticSchema.NEWEST + "); ignored. Check its spelling and indentation");
                    }
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                checkKeys(path + "[" + i + "]", sequence.getValue().get(i));
            }
        }
    }

    private void visit(String path, Node node) {
        if (tree.isUsed(path) || KismaticSchema.find(path).isEmpty()) {
            return;
        }
        if (tree.isPartlyUsed(path) || SPLIT.contains(path)) {
            visitChildren(path, node);
        } else if (meaningful(path, node)) {
            String hint = KismaticSchema.find(path).map(KismaticSchema.Setting::hint).orElse("");
            tree.warn(path, "has no equivalent in Mast; ignored" + (hint.isEmpty() ? "" : " (" + hint + ")"));
        }
    }

    private void visitChildren(String path, Node node) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key) {
                    visit(StrictYaml.join(path, key.getValue()), entry.getValueNode());
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                visit(path + "[" + i + "]", sequence.getValue().get(i));
            }
        }
    }

    /** Whether a value says more than Kismatic's defaults: not empty, false, zero or disabled. */
    private static boolean meaningful(String path, Node node) {
        if (NOT_MEANINGFUL.contains(path)) {
            return false;
        }
        if (path.matches("add_ons\\.[a-z_]+") && node instanceof MappingNode addOn) {
            // Kismatic installs an add-on unless it says disable: true, so even "disable: false" alone means it ran.
            return !switchedOff(addOn);
        }
        if (node instanceof ScalarNode scalar) {
            return !StrictYaml.isNull(node) && !Set.of("", "false", "0").contains(scalar.getValue());
        }
        if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                if (meaningful(path + "[" + i + "]", sequence.getValue().get(i))) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof MappingNode mapping) {
            if (switchedOff(mapping)) {
                return false;
            }
            for (NodeTuple entry : mapping.getValue()) {
                String key = entry.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                if (meaningful(StrictYaml.join(path, key), entry.getValueNode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code disable: true} or {@code enabled: false}: a feature that was not in use. */
    private static boolean switchedOff(MappingNode mapping) {
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key && entry.getValueNode() instanceof ScalarNode value) {
                if ((key.getValue().equals("disable") && value.getValue().equals("true"))
                        || (key.getValue().equals("enabled") && value.getValue().equals("false"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
