package dev.mast.sim.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words and operators with POSIX quoting: single quotes are
 * literal, double quotes allow backslash before {@code $ ` " \} and newline, a backslash
 * outside quotes escapes the next character. Expansions ({@code $VAR}, {@code $(...)},
 * backquotes) and here-documents are outside the vocabulary and rejected with a clear message.
 */
final class ShellLexer {
    /** A token: an operator (including "\n"), an IO number before a redirection, or a word. */
    record Token(Kind kind, String text, Script.Word word) {
        enum Kind { WORD, OPERATOR, IO_NUMBER }

        boolean is(String operator) {
            return kind == Kind.OPERATOR && text.equals(operator);
        }
    }

    private static final List<String> OPERATORS = List.of("&&", "||", ">>", ">&", "<&", ">|", "<<", ";;", ";", "|", "&", ">", "<",
            "(", ")", "\n");

    private final String input;
    private int pos;

    private ShellLexer(String input) {
        this.input = input;
    }

    static List<Token> tokenize(String input) throws ShellSyntaxException {
        return new ShellLexer(input).run();
    }

    private List<Token> run() throws ShellSyntaxException {
        List<Token> tokens = new ArrayList<>();
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < input.length() && input.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                while (pos < input.length() && input.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (operatorAt(pos) != null) {
                String op = operatorAt(pos);
                if (op.equals("<<")) {
                    throw new ShellSyntaxException("here-documents (<<) are not supported by the simulator; upload the file instead");
                }
                tokens.add(new Token(Token.Kind.OPERATOR, op.equals(">|") ? ">" : op, null));
                pos += op.length();
            } else {
                tokens.add(word());
            }
        }
        return tokens;
    }

    private String operatorAt(int at) {
        for (String op : OPERATORS) {
            if (input.startsWith(op, at)) {
                return op;
            }
        }
        return null;
    }

    private Token word() throws ShellSyntaxException {
        StringBuilder text = new StringBuilder();
        boolean glob = false;
        boolean tilde = input.charAt(pos) == '~';
        boolean quoted = false;
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || operatorAt(pos) != null) {
                break;
            }
            if (c == '\'') {
                int end = input.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new ShellSyntaxException("Unterminated quoted string");
                }
                text.append(input, pos + 1, end);
                pos = end + 1;
                quoted = true;
            } else if (c == '"') {
                pos = doubleQuoted(text, pos + 1);
                quoted = true;
            } else if (c == '\\') {
                if (pos + 1 < input.length()) {
                    text.append(input.charAt(pos + 1));
                }
                pos += 2;
                quoted = true;
            } else {
                checkExpansion(c, pos);
                glob |= c == '*' || c == '?' || c == '[';
                text.append(c);
                pos++;
            }
        }
        String word = text.toString();
        if (!quoted && word.matches("\\d+") && pos < input.length() && (input.charAt(pos) == '>' || input.charAt(pos) == '<')) {
            return new Token(Token.Kind.IO_NUMBER, word, null);
        }
        return new Token(Token.Kind.WORD, word, new Script.Word(word, glob, tilde));
    }

    private int doubleQuoted(StringBuilder text, int start) throws ShellSyntaxException {
        int i = start;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < input.length() && "$`\"\\\n".indexOf(input.charAt(i + 1)) >= 0) {
                if (input.charAt(i + 1) != '\n') {
                    text.append(input.charAt(i + 1));
                }
                i += 2;
                continue;
            }
            checkExpansion(c, i);
            text.append(c);
            i++;
        }
        throw new ShellSyntaxException("Unterminated quoted string");
    }

    private void checkExpansion(char c, int at) throws ShellSyntaxException {
        if (c == '`') {
            throw new ShellSyntaxException("command substitution (`...`) is not supported by the simulator");
        }
        if (c == '$' && at + 1 < input.length()) {
            char next = input.charAt(at + 1);
            if (next == '(') {
                throw new ShellSyntaxException("command substitution ($(...)) is not supported by the simulator");
            }
            if (next == '{' || Character.isLetterOrDigit(next) || "_?#@*!$-".indexOf(next) >= 0) {
                throw new ShellSyntaxException("parameter expansion ($" + next + "...) is not supported by the simulator;"
                        + " quote a literal $ with single quotes");
            }
        }
    }
}
