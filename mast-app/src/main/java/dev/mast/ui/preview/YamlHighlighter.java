package dev.mast.ui.preview;

import dev.mast.ui.common.MastStyles;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small YAML highlighter, enough for manifests and kubeconfigs: keys, quoted strings,
 * numbers, true/false/null, comments and punctuation. It works line by line and remembers
 * only one thing across lines: the body of a block scalar ({@code |} or {@code >}) is text.
 */
public final class YamlHighlighter {
    private static final Pattern KEY = Pattern.compile("(\"[^\"]*\"|'[^']*'|[^\\s#'\"\\-?:,\\[\\]{}][^#]*?|-[^\\s#][^#]*?)\\s*:(?=\\s|$)");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d_]*(\\.\\d*)?([eE][-+]?\\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)");
    private static final Pattern LITERAL = Pattern.compile("true|false|null|True|False|Null|TRUE|FALSE|NULL|~");
    private static final Pattern BLOCK_START = Pattern.compile("[|>][-+0-9]*");

    private YamlHighlighter() {
    }

    /** Spans for each line, in order; unstyled characters have no span. */
    public static List<List<Span>> highlight(List<String> lines) {
        List<List<Span>> result = new ArrayList<>(lines.size());
        int blockIndent = -1;
        for (String line : lines) {
            int indent = indentOf(line);
            if (blockIndent >= 0 && (line.isBlank() || indent > blockIndent)) {
                result.add(line.isBlank() ? List.of() : List.of(new Span(indent, line.length(), MastStyles.YAML_STRING)));
                continue;
            }
            blockIndent = -1;
            List<Span> spans = new ArrayList<>();
            if (line(line, indent, spans)) {
                blockIndent = indent;
            }
            result.add(spans);
        }
        return result;
    }

    /** Styles one line; true when it opens a block scalar. */
    private static boolean line(String line, int pos, List<Span> spans) {
        String rest = line.substring(pos);
        if (rest.startsWith("#")) {
            spans.add(new Span(pos, line.length(), MastStyles.YAML_COMMENT));
            return false;
        }
        if (rest.equals("---") || rest.equals("...") || rest.startsWith("--- ")) {
            spans.add(new Span(pos, pos + 3, MastStyles.YAML_PUNCTUATION));
            return false;
        }
        while (line.startsWith("- ", pos) || (line.startsWith("-", pos) && pos + 1 == line.length())) {
            spans.add(new Span(pos, pos + 1, MastStyles.YAML_PUNCTUATION));
            pos = skipSpaces(line, pos + 1);
        }
        Matcher key = KEY.matcher(line).region(pos, line.length());
        if (key.lookingAt()) {
            spans.add(new Span(pos, key.end(1), MastStyles.YAML_KEY));
            spans.add(new Span(key.end() - 1, key.end(), MastStyles.YAML_PUNCTUATION));
            pos = skipSpaces(line, key.end());
        }
        return value(line, pos, spans);
    }

    private static boolean value(String line, int pos, List<Span> spans) {
        if (pos >= line.length()) {
            return false;
        }
        char first = line.charAt(pos);
        int end;
        if (first == '"' || first == '\'') {
            end = closingQuote(line, pos, first);
            spans.add(new Span(pos, end, MastStyles.YAML_STRING));
        } else if (first == '#') {
            spans.add(new Span(pos, line.length(), MastStyles.YAML_COMMENT));
            return false;
        } else {
            end = commentStart(line, pos);
            String scalar = line.substring(pos, end).stripTrailing();
            int scalarEnd = pos + scalar.length();
            if (BLOCK_START.matcher(scalar).matches()) {
                spans.add(new Span(pos, scalarEnd, MastStyles.YAML_PUNCTUATION));
                comment(line, end, spans);
                return true;
            }
            String style = NUMBER.matcher(scalar).matches() ? MastStyles.YAML_NUMBER
                    : LITERAL.matcher(scalar).matches() ? MastStyles.YAML_LITERAL
                    : MastStyles.YAML_PLAIN;
            spans.add(new Span(pos, scalarEnd, style));
        }
        comment(line, end, spans);
        return false;
    }

    private static void comment(String line, int from, List<Span> spans) {
        int hash = commentStart(line, from);
        if (hash < line.length()) {
            spans.add(new Span(hash, line.length(), MastStyles.YAML_COMMENT));
        }
    }

    /** A comment starts at a {@code #} that follows a space (a {@code #} inside a value is text). */
    private static int commentStart(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return line.length();
    }

    private static int closingQuote(String line, int open, char quote) {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return line.length();
    }

    private static int skipSpaces(String line, int pos) {
        while (pos < line.length() && line.charAt(pos) == ' ') {
            pos++;
        }
        return pos;
    }

    private static int indentOf(String line) {
        return skipSpaces(line, 0);
    }
}
