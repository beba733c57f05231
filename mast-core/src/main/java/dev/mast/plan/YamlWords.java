package dev.mast.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SnakeYAML's syntax errors in words a person editing a plan understands ("a tab indents this
 * line" rather than "found character '\t' that cannot start any token"). The first matching
 * beginning wins; an error not listed keeps SnakeYAML's wording behind "not valid YAML".
 */
final class YamlWords {
    private static final String UNDEFINED_ALIAS = "found undefined alias ";
    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();
    private static final Map<String, String> CONTEXTS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("mapping values are not allowed", "a ':' here makes a key inside a value; quote the value,"
                + " or start the key on a line of its own");
        PROBLEMS.put("could not find expected ':'", "a key here has no ':' after it, or a quote before it is not closed");
        PROBLEMS.put("found character '\\t", "a tab here: YAML is indented and separated with spaces only");
        PROBLEMS.put("found character", "a value cannot start with this character; put the value in quotes");
        PROBLEMS.put("Global tag is not allowed", "a tag that names a type (!!name) is not allowed; Mast reads plain"
                + " values: remove the tag");
        PROBLEMS.put("expected a single document", "a second YAML document starts here (---); a file holds one");
        PROBLEMS.put("but found another document", "a second YAML document starts here (---); a file holds one");
        PROBLEMS.put("found unexpected end of stream", "the file ends inside a quoted value; close the quote");
        PROBLEMS.put("found unexpected document separator", "a quoted value runs into a document separator (---); close the quote");
        PROBLEMS.put("found unknown escape character", "a double-quoted value holds an escape YAML does not know;"
                + " write \\\\ for a backslash, or use single quotes");
        PROBLEMS.put("expected <block end>", "this line is indented differently from the lines above it; line it up with"
                + " the keys or items it belongs with");
        PROBLEMS.put("expected ',' or ']'", "a [list] is not closed: a ',' or ']' belongs here");
        PROBLEMS.put("expected ',' or '}'", "a {mapping} is not closed: a ',' or '}' belongs here");
        PROBLEMS.put("expected the node content", "a value is missing here");
        PROBLEMS.put("mapping keys are not allowed", "a '? ' key is not allowed here; check the indentation");
        PROBLEMS.put("sequence entries are not allowed", "a '- ' item is not allowed here; a list item starts a line of"
                + " its own, under its key");
        CONTEXTS.put("while parsing a block mapping", "in the mapping from line ");
        CONTEXTS.put("while parsing a flow mapping", "in the {mapping} from line ");
        CONTEXTS.put("while parsing a block collection", "in the list from line ");
        CONTEXTS.put("while parsing a flow sequence", "in the [list] from line ");
        CONTEXTS.put("while scanning a simple key", "in the key on line ");
        CONTEXTS.put("while scanning a quoted scalar", "in the quoted value from line ");
        CONTEXTS.put("while scanning a double-quoted scalar", "in the quoted value from line ");
    }

    private YamlWords() {
    }

    static String problem(String snakeYaml) {
        if (snakeYaml.startsWith(UNDEFINED_ALIAS)) {
            String name = SafeText.brief(snakeYaml.substring(UNDEFINED_ALIAS.length()));
            return "the alias *" + name + " names no anchor &" + name + " written before it";
        }
        return PROBLEMS.entrySet().stream().filter(e -> snakeYaml.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseGet(() -> "not valid YAML: " + SafeText.brief(snakeYaml));
    }

    /** Where the construct the problem is in began, e.g. "in the mapping from line 3". */
    static String context(String snakeYaml, int line) {
        return CONTEXTS.entrySet().stream().filter(e -> snakeYaml.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("from line ") + line;
    }
}
