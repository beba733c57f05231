package dev.mast.workflow.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the flags of a component from its systemd unit, as {@code systemctl cat} prints it:
 * the last {@code ExecStart=} (an empty one resets, as in drop-ins), with backslash line
 * continuations and systemd's quoting rules.
 */
public final class UnitFlags {
    private UnitFlags() {
    }

    /** Flags in their order, names without {@code --}; a flag without a value maps to {@code "true"}. */
    public static Map<String, String> parse(String unitText) {
        String execStart = lastExecStart(unitText);
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> words = words(execStart);
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                continue;
            }
            String flag = word.substring(2);
            int eq = flag.indexOf('=');
            if (eq >= 0) {
                flags.put(flag.substring(0, eq), flag.substring(eq + 1));
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("-")) {
                flags.put(flag, words.get(++i));
            } else {
                flags.put(flag, "true");
            }
        }
        return flags;
    }

    private static String lastExecStart(String unitText) {
        String joined = unitText.replaceAll("\\\\\\r?\\n", " ");
        String last = "";
        for (String line : joined.split("\\r?\\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("ExecStart=")) {
                last = trimmed.substring("ExecStart=".length()).trim();
            }
        }
        // ExecStart prefixes such as "-" or "@" change how systemd runs the command, not its words.
        return last.replaceFirst("^[-@:+!]+", "");
    }

    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < command.length()) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
