package dev.mast.manifest;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a command line for a systemd {@code ExecStart=} so that the process receives exactly the
 * given arguments. systemd splits on whitespace, honours double quotes with C escapes inside,
 * expands {@code %} specifiers when it loads the unit and {@code $} variables when it starts the
 * process; so any argument that is not plainly safe is double-quoted, with {@code \\}, {@code \"}
 * and control characters escaped and {@code %} and {@code $} doubled.
 */
public final class SystemdExec {
    /** Characters that mean nothing to systemd's parser: such an argument is written bare. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,@+-]+");

    private SystemdExec() {
    }

    /**
     * {@code ExecStart=binary} followed by one argument per continuation line, so a unit with twenty
     * flags still reads (and diffs) one flag per line.
     */
    public static String execStart(String binary, List<String> arguments) {
        var line = new StringBuilder("ExecStart=").append(quote(binary));
        for (String argument : arguments) {
            line.append(" \\\n    ").append(quote(argument));
        }
        return line.append('\n').toString();
    }

    static String quote(String argument) {
        if (SAFE.matcher(argument).matches()) {
            return argument;
        }
        var quoted = new StringBuilder("\"");
        argument.codePoints().forEach(c -> quoted.append(escape(c)));
        return quoted.append('"').toString();
    }

    private static String escape(int c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '"' -> "\\\"";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            // Specifiers are expanded inside quotes too; "%%" is a literal percent sign.
            case '%' -> "%%";
            // So are environment variables when the command starts; "$$" is a literal dollar sign.
            case '$' -> "$$";
            default -> c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : Character.toString(c);
        };
    }
}
