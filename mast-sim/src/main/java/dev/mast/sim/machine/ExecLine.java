package dev.mast.sim.machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an ExecStart line into argv the way systemd does: quotes group words, {@code $VAR}
 * expands to several words and {@code ${VAR}} to one, from {@code Environment=} and
 * {@code EnvironmentFile=}.
 */
final class ExecLine {
    private ExecLine() {
    }

    static List<String> argv(String line, Map<String, String> env) {
        List<String> words = new ArrayList<>();
        for (Word word : split(line)) {
            if (!word.quoted() && word.text().matches("\\$[A-Za-z_][A-Za-z0-9_]*")) {
                String value = env.getOrDefault(word.text().substring(1), "");
                for (String part : value.trim().split("\\s+")) {
                    if (!part.isEmpty()) {
                        words.add(part);
                    }
                }
            } else {
                words.add(expandBraces(word.text(), env));
            }
        }
        return words;
    }

    private record Word(String text, boolean quoted) { }

    private static String expandBraces(String text, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(text.substring(i));
                break;
            }
            out.append(text, i, start).append(env.getOrDefault(text.substring(start + 2, end), ""));
            i = end + 1;
        }
        return out.toString();
    }

    private static List<Word> split(String line) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
                quoted = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(new Word(word.toString(), quoted));
                    word.setLength(0);
                    inWord = false;
                    quoted = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(new Word(word.toString(), quoted));
        }
        return words;
    }

    /** systemd's specifiers: {@code %n} the unit, {@code %p}/{@code %N} its name without suffix, {@code %H} the host. */
    static String specifiers(String text, String unit, String hostName) {
        String prefix = unit.contains(".") ? unit.substring(0, unit.lastIndexOf('.')) : unit;
        return text.replace("%%", "\u0000").replace("%n", unit).replace("%N", prefix).replace("%p", prefix)
                .replace("%H", hostName).replace("\u0000", "%");
    }

    /** {@code KEY=value} lines of an environment file or the words of an Environment= line. */
    static Map<String, String> environment(List<String> assignments) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String assignment : assignments) {
            for (Word word : split(assignment)) {
                int eq = word.text().indexOf('=');
                if (eq > 0) {
                    env.put(word.text().substring(0, eq), word.text().substring(eq + 1));
                }
            }
        }
        return env;
    }

    static List<String> environmentFileLines(String content) {
        List<String> lines = new ArrayList<>();
        for (String line : content.replaceAll("\\\\\\r?\\n", " ").split("\\r?\\n")) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                String key = trimmed.substring(0, trimmed.indexOf('='));
                String value = trimmed.substring(trimmed.indexOf('=') + 1);
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                lines.add("\"" + key + "=" + value.replace("\"", "\\\"") + "\"");
            }
        }
        return lines;
    }
}
