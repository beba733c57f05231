package dev.mast.plan;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * Turns YAML text into SnakeYAML's node tree, never into objects: the tree keeps the line and
 * column of every value, and no tag in the file can make SnakeYAML instantiate a class.
 */
final class YamlSource {
    private YamlSource() {
    }

    /** The single document of a file's text (from {@link YamlText}); a syntax error, a limit or an empty file is a located problem. */
    static Node compose(String file, String text) throws PlanFileException {
        LoaderOptions options = new LoaderOptions();
        // BoundedParser limits aliases and nesting by what they cost, and says where; SnakeYAML's limits stay as a backstop.
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        options.setNestingDepthLimit(BoundedParser.MAX_DEPTH + 1);
        options.setCodePointLimit(YamlText.MAX_BYTES + 1);
        var parser = new BoundedParser(new ParserImpl(new StreamReader(text), options));
        Node root;
        try {
            root = new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (BoundedParser.LimitException e) {
            throw problem(file, e.getMessage(), location(file, e.mark()));
        } catch (MarkedYAMLException e) {
            throw new PlanFileException(file, List.of(syntaxProblem(file, e, parser.lastMark())));
        } catch (YAMLException e) {
            Location where = parser.lastMark() == null ? new Location(file, 1, 1) : location(file, parser.lastMark());
            throw problem(file, "cannot be read as YAML here: " + SafeText.brief(String.valueOf(e.getMessage())), where);
        }
        if (root == null) {
            throw problem(file, "the file is empty", new Location(file, 1, 1));
        }
        return root;
    }

    private static PlanFileException problem(String file, String message, Location location) {
        return new PlanFileException(file, List.of(Problem.error("", message, Optional.of(location))));
    }

    static Location location(String file, Node node) {
        return location(file, node.getStartMark());
    }

    static Location location(String file, Mark mark) {
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static Problem syntaxProblem(String file, MarkedYAMLException e, Mark fallback) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark() != null ? e.getContextMark() : fallback;
        String problem = String.valueOf(e.getProblem());
        boolean syntax = e instanceof ScannerException || e instanceof ParserException;
        var message = new StringBuilder(syntax ? "YAML syntax error: " : "").append(YamlWords.problem(problem));
        if (e.getContext() != null && e.getContextMark() != null && e.getContextMark() != mark) {
            message.append(" (").append(YamlWords.context(e.getContext(), e.getContextMark().getLine() + 1)).append(')');
        }
        Location where = mark == null ? new Location(file, 1, 1) : location(file, mark);
        return Problem.error("", message.toString(), Optional.of(where));
    }
}
