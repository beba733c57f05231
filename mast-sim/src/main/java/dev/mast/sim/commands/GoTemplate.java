package dev.mast.sim.commands;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Go templates that {@code docker --format} uses in scripts: {@code {{.Field}}},
 * nested {@code {{.State.Status}}}, {@code {{.Label "key"}}}, {@code {{json .Field}}}, and
 * {@code \t} / {@code \n}.
 */
final class GoTemplate {
    private static final Pattern ACTION = Pattern.compile("\\{\\{\\s*(json\\s+)?\\.([A-Za-z0-9_.]*)(?:\\s+\"([^\"]*)\")?\\s*}}");

    private GoTemplate() {
    }

    static String render(String template, Map<String, Object> data) {
        String text = template.replace("\\t", "\t").replace("\\n", "\n");
        Matcher m = ACTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value;
            if (m.group(2).equals("Label") && m.group(3) != null) {
                Object labels = data.get("LabelMap");
                value = labels instanceof Map<?, ?> map ? map.get(m.group(3)) : null;
            } else {
                value = resolve(data, m.group(2));
            }
            String rendered = m.group(1) != null ? Json.pretty(value).replaceAll("\\s*\\n\\s*", "") : value == null ? "" : value.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(rendered));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Object resolve(Map<String, Object> data, String path) {
        if (path.isEmpty()) {
            return data;
        }
        Object current = data;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** Docker's header for a {@code table} format column. */
    static String header(String field) {
        return switch (field) {
            case "ID" -> "CONTAINER ID";
            case "RunningFor" -> "CREATED";
            case "CreatedAt" -> "CREATED AT";
            default -> field.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
        };
    }

    /** The header line of a {@code table ...} format. */
    static String headerLine(String template) {
        Matcher m = ACTION.matcher(template.replace("\\t", "\t").replace("\\n", "\n"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(header(m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
