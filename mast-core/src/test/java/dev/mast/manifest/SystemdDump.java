package dev.mast.manifest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code Command Line:} of a unit's {@code ExecStart} from {@code systemd --test}'s dump.
 * systemd prints each argument bare, or in double quotes with {@code \ " $ `} backslash-escaped and
 * control characters C-escaped ({@code quote_command_line}).
 */
final class SystemdDump {
    private SystemdDump() {
    }

    static List<String> execStart(String dump, String unit) {
        String[] lines = dump.split("\n");
        boolean inUnit = false;
        boolean inExecStart = false;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-> Unit ")) {
                inUnit = trimmed.equals("-> Unit " + unit + ":");
                inExecStart = false;
            } else if (inUnit && trimmed.startsWith("-> ")) {
                inExecStart = trimmed.equals("-> ExecStart:");
            } else if (inUnit && inExecStart && trimmed.startsWith("Command Line: ")) {
                return words(line.substring(line.indexOf("Command Line: ") + "Command Line: ".length()));
            }
        }
        throw new AssertionError("no ExecStart of " + unit + " in systemd's dump");
    }

    private static List<String> words(String text) {
        var words = new ArrayList<String>();
        var word = new ByteArrayOutputStream();
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < b.length; i++) {
            char c = (char) (b[i] & 0xff);
            if (!quoted && c == ' ') {
                if (inWord) {
                    words.add(word.toString(StandardCharsets.UTF_8));
                    word.reset();
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\') {
                char e = (char) b[++i];
                switch (e) {
                    case 'a' -> word.write(7);
                    case 'b' -> word.write(8);
                    case 'f' -> word.write(12);
                    case 'n' -> word.write('\n');
                    case 'r' -> word.write('\r');
                    case 't' -> word.write('\t');
                    case 'v' -> word.write(11);
                    case '\\', '"', '$', '`', '\'' -> word.write(e);
                    case 'x' -> {
                        word.write(Integer.parseInt(new String(b, i + 1, 2, StandardCharsets.US_ASCII), 16));
                        i += 2;
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            word.write(Integer.parseInt(new String(b, i, 3, StandardCharsets.US_ASCII), 8));
                            i += 2;
                        } else {
                            throw new AssertionError("unknown escape \\" + e + " in " + text);
                        }
                    }
                }
            } else {
                word.write(b[i]);
            }
        }
        if (inWord) {
            words.add(word.toString(StandardCharsets.UTF_8));
        }
        return words;
    }
}
