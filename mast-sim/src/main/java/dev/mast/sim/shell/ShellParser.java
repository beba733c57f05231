package dev.mast.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses a command line into a {@link Script}: simple commands with assignments and
 * redirections, pipelines (with {@code !}), and-or lists, and lists separated by {@code ;} or
 * newlines. Compound commands (if, for, while, case, subshells, braces) and background jobs
 * are outside the vocabulary and rejected.
 */
public final class ShellParser {
    private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "for", "while", "until", "do",
            "done", "case", "esac", "function", "{", "}", "select");

    private final List<ShellLexer.Token> tokens;
    private int pos;

    private ShellParser(List<ShellLexer.Token> tokens) {
        this.tokens = tokens;
    }

    public static Script parse(String commandLine) throws ShellSyntaxException {
        return new ShellParser(ShellLexer.tokenize(commandLine)).script();
    }

    private Script script() throws ShellSyntaxException {
        List<Script.AndOr> lists = new ArrayList<>();
        skipSeparators();
        while (pos < tokens.size()) {
            lists.add(andOr());
            if (pos < tokens.size()) {
                ShellLexer.Token next = tokens.get(pos);
                if (next.is("&")) {
                    throw new ShellSyntaxException("background jobs (&) are not supported by the simulator");
                }
                if (!next.is(";") && !next.is("\n")) {
                    throw unexpected(next);
                }
                skipSeparators();
            }
        }
        return new Script(lists);
    }

    private void skipSeparators() {
        while (pos < tokens.size() && (tokens.get(pos).is(";") || tokens.get(pos).is("\n"))) {
            pos++;
        }
    }

    private void skipNewlines() {
        while (pos < tokens.size() && tokens.get(pos).is("\n")) {
            pos++;
        }
    }

    private Script.AndOr andOr() throws ShellSyntaxException {
        List<Script.Pipeline> pipelines = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        pipelines.add(pipeline());
        while (pos < tokens.size() && (tokens.get(pos).is("&&") || tokens.get(pos).is("||"))) {
            ops.add(tokens.get(pos++).text());
            skipNewlines();
            pipelines.add(pipeline());
        }
        return new Script.AndOr(pipelines, ops);
    }

    private Script.Pipeline pipeline() throws ShellSyntaxException {
        boolean negated = false;
        if (pos < tokens.size() && tokens.get(pos).kind() == ShellLexer.Token.Kind.WORD && tokens.get(pos).text().equals("!")
                && !tokens.get(pos).word().glob()) {
            negated = true;
            pos++;
        }
        List<Script.SimpleCommand> commands = new ArrayList<>();
        commands.add(simpleCommand());
        while (pos < tokens.size() && tokens.get(pos).is("|")) {
            pos++;
            skipNewlines();
            commands.add(simpleCommand());
        }
        return new Script.Pipeline(negated, commands);
    }

    private Script.SimpleCommand simpleCommand() throws ShellSyntaxException {
        List<String> assignments = new ArrayList<>();
        List<Script.Word> words = new ArrayList<>();
        List<Script.Redirect> redirects = new ArrayList<>();
        while (pos < tokens.size()) {
            ShellLexer.Token token = tokens.get(pos);
            if (token.kind() == ShellLexer.Token.Kind.IO_NUMBER) {
                pos++;
                redirects.add(redirect(Integer.parseInt(token.text())));
            } else if (token.kind() == ShellLexer.Token.Kind.OPERATOR && isRedirect(token.text())) {
                redirects.add(redirect(token.text().startsWith("<") ? 0 : 1));
            } else if (token.kind() == ShellLexer.Token.Kind.WORD) {
                pos++;
                if (words.isEmpty() && token.text().matches("[A-Za-z_][A-Za-z0-9_]*=.*") && !token.word().glob()) {
                    assignments.add(token.text());
                } else {
                    if (words.isEmpty() && RESERVED.contains(token.text())) {
                        throw new ShellSyntaxException("\"" + token.text() + "\" (compound commands) is not supported by the simulator;"
                                + " use && and ||");
                    }
                    words.add(token.word());
                }
            } else {
                if (token.is("(") || token.is(")")) {
                    throw new ShellSyntaxException("subshells ( ... ) are not supported by the simulator");
                }
                break;
            }
        }
        if (words.isEmpty() && assignments.isEmpty() && redirects.isEmpty()) {
            throw pos < tokens.size() ? unexpected(tokens.get(pos)) : new ShellSyntaxException("end of file unexpected");
        }
        return new Script.SimpleCommand(assignments, words, redirects);
    }

    private static boolean isRedirect(String op) {
        return op.equals(">") || op.equals(">>") || op.equals("<") || op.equals(">&") || op.equals("<&");
    }

    private Script.Redirect redirect(int fd) throws ShellSyntaxException {
        if (pos >= tokens.size() || !isRedirect(tokens.get(pos).text()) || tokens.get(pos).kind() != ShellLexer.Token.Kind.OPERATOR) {
            throw pos < tokens.size() ? unexpected(tokens.get(pos)) : new ShellSyntaxException("redirection unexpected");
        }
        String op = tokens.get(pos++).text();
        if (pos >= tokens.size() || tokens.get(pos).kind() != ShellLexer.Token.Kind.WORD) {
            throw pos < tokens.size() ? unexpected(tokens.get(pos)) : new ShellSyntaxException("end of file unexpected");
        }
        return new Script.Redirect(fd, op, tokens.get(pos++).word());
    }

    private static ShellSyntaxException unexpected(ShellLexer.Token token) {
        String text = token.text().equals("\n") ? "newline" : "\"" + token.text() + "\"";
        return new ShellSyntaxException(text + " unexpected");
    }
}
