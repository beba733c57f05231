package dev.mast.workflow.legacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An {@code EnvironmentFile=} as systemd reads it: {@code KEY=VALUE} lines, {@code #} and
 * {@code ;} comments, values in double quotes (backslash escapes) or single quotes (taken as
 * they are), a trailing backslash continuing the line; lines whose key is not a variable name
 * are skipped, as systemd skips them.
 */
final class EnvironmentFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvironmentFile() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> variables = new LinkedHashMap<>();
        String joined = text.replaceAll("\\\\\\r?\\n", "");
        for (String raw : joined.split("\\r?\\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (NAME.matcher(key).matches()) {
                variables.put(key, value(line.substring(eq + 1).strip()));
            }
        }
        return variables;
    }

    private static String value(String text) {
        StringBuilder value = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    value.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length()) {
                    value.append(text.charAt(++i));
                } else {
                    value.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '\\' && i + 1 < text.length()) {
                value.append(text.charAt(++i));
            } else {
                value.append(c);
            }
        }
        return quote == 0 ? value.toString().strip() : value.toString();
    }
}
