package dev.mast.plan;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserException;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * Turns YAML text into SnakeYAML's node tree, never into objects: the tree keeps the line and
 * column of every value, and no tag in the file can make SnakeYAML instantiate a class.
 */
final class YamlSource {
    private YamlSource() {
    }

    /** The single document of the file; a syntax error or an empty file is a located problem. */
    static Node compose(String file, Reader reader) throws IOException {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new PlanFileException(file, List.of(syntaxProblem(file, e)));
        } catch (YAMLException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new PlanFileException(file, List.of(Problem.error("", "not valid YAML: " + e.getMessage(), Optional.empty())));
        }
        if (root == null) {
            throw new PlanFileException(file, List.of(Problem.error("", "the file is empty", Optional.of(new Location(file, 1, 1)))));
        }
        return root;
    }

    static Location location(String file, Node node) {
        return location(file, node.getStartMark());
    }

    static Location location(String file, Mark mark) {
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static Problem syntaxProblem(String file, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        boolean syntax = e instanceof ScannerException || e instanceof ParserException;
        var message = new StringBuilder(syntax ? "YAML syntax error: " : "not allowed in a plan file: ").append(e.getProblem());
        if (e.getContext() != null && e.getContextMark() != null) {
            message.append(" (").append(e.getContext()).append(" at line ").append(e.getContextMark().getLine() + 1).append(')');
        }
        if (syntax) {
            message.append("; check the indentation and quoting around here");
        }
        return Problem.error("", message.toString(), Optional.ofNullable(mark).map(m -> location(file, m)));
    }
}
