package dev.mast.manifest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the command a systemd service would run, following the rules of systemd.service(5)
 * "Command lines" and systemd.syntax(7): continuation lines, {@code ExecStart=} resets in drop-ins,
 * word splitting with double and single quotes, C escapes, {@code %%} specifiers and {@code $$}.
 * Written from the documentation, independently of {@link SystemdExec}; it refuses anything it does
 * not understand rather than guess. Real systemd checks the same files in {@link RealSystemdTest}.
 */
final class SystemdUnitParser {
    private SystemdUnitParser() {
    }

    /** The argv of the last {@code ExecStart=} across the unit and its drop-ins, in load order. */
    static List<String> execStart(String... files) {
        String command = null;
        for (String file : files) {
            for (String line : logicalLines(file)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("ExecStart=")) {
                    String value = trimmed.substring("ExecStart=".length()).strip();
                    command = value.isEmpty() ? null : value;
                }
            }
        }
        if (command == null) {
            throw new AssertionError("no ExecStart");
        }
        return words(command).stream().map(SystemdUnitParser::specifiersAndVariables).toList();
    }

    /** A line ending in a backslash continues on the next; the backslash becomes a space. */
    private static List<String> logicalLines(String file) {
        var lines = new ArrayList<String>();
        var current = new StringBuilder();
        for (String line : file.split("\n", -1)) {
            if (current.isEmpty() && (line.startsWith("#") || line.startsWith(";"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                lines.add(current.append(line).toString());
                current.setLength(0);
            }
        }
        return lines;
    }

    private static List<String> words(String command) {
        var words = new ArrayList<String>();
        var word = new ByteArrayOutputStream();
        boolean inWord = false;
        char quote = 0;
        byte[] bytes = command.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            char c = (char) (bytes[i] & 0xff);
            if (quote == 0 && (c == ' ' || c == '\t')) {
                if (inWord) {
                    words.add(word.toString(StandardCharsets.UTF_8));
                    word.reset();
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (c == '"' || c == '\'') {
                if (quote == 0) {
                    quote = c;
                    continue;
                }
                if (quote == c) {
                    quote = 0;
                    continue;
                }
            }
            if (c == '\\') {
                i = unescape(bytes, i + 1, word);
                continue;
            }
            word.write(bytes[i]);
        }
        if (quote != 0) {
            throw new AssertionError("unbalanced quote in " + command);
        }
        if (inWord) {
            words.add(word.toString(StandardCharsets.UTF_8));
        }
        return words;
    }

    /** One C escape starting at {@code i} (after the backslash); returns the index of its last byte. */
    private static int unescape(byte[] b, int i, ByteArrayOutputStream out) {
        if (i >= b.length) {
            throw new AssertionError("backslash at the end of the command");
        }
        char c = (char) b[i];
        switch (c) {
            case 'a' -> out.write(7);
            case 'b' -> out.write(8);
            case 'f' -> out.write(12);
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case 't' -> out.write('\t');
            case 'v' -> out.write(11);
            case 's' -> out.write(' ');
            case '\\', '"', '\'' -> out.write(c);
            case 'x' -> {
                out.write(Integer.parseInt(new String(b, i + 1, 2, StandardCharsets.US_ASCII), 16));
                return i + 2;
            }
            default -> throw new AssertionError("escape systemd does not know: \\" + c);
        }
        return i;
    }

    private static String specifiersAndVariables(String word) {
        var out = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '%' || c == '$') {
                if (i + 1 < word.length() && word.charAt(i + 1) == c) {
                    out.append(c);
                    i++;
                    continue;
                }
                throw new AssertionError("a lone " + c + " would be expanded by systemd in: " + word);
            }
            out.append(c);
        }
        return out.toString();
    }
}
