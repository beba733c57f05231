package dev.mast.sim.shell;

import dev.mast.sim.machine.VirtualFs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The expansions the simulator's shell does: {@code ~} to the home directory, and unquoted
 * glob patterns against the node's files (a pattern that matches nothing stays as written,
 * as in sh), in any path component.
 */
final class Expansion {
    private Expansion() {
    }

    static List<String> words(List<Script.Word> words, VirtualFs fs, Session session) {
        List<String> out = new ArrayList<>();
        for (Script.Word word : words) {
            String text = word.text();
            if (word.tilde() && (text.equals("~") || text.startsWith("~/"))) {
                text = session.env().getOrDefault("HOME", Session.home(session.user())) + text.substring(1);
            }
            if (word.glob()) {
                out.addAll(glob(text, fs, session));
            } else {
                out.add(text);
            }
        }
        return out;
    }

    static String one(Script.Word word, Session session) {
        String text = word.text();
        if (word.tilde() && (text.equals("~") || text.startsWith("~/"))) {
            return session.env().getOrDefault("HOME", Session.home(session.user())) + text.substring(1);
        }
        return text;
    }

    private static List<String> glob(String pattern, VirtualFs fs, Session session) {
        // Expand one path component at a time, as sh does: /sys/class/net/*/address.
        List<String> paths = List.of(pattern.startsWith("/") ? "/" : "");
        String[] components = pattern.split("/");
        for (int i = 0; i < components.length; i++) {
            String component = components[i];
            if (component.isEmpty()) {
                continue;
            }
            boolean last = i == components.length - 1;
            List<String> next = new ArrayList<>();
            try {
                for (String prefix : paths) {
                    next.addAll(expand(prefix, component, last ? "" : "/", fs, session));
                }
            } catch (IOException e) {
                return List.of(pattern);
            }
            paths = next;
        }
        List<String> matches = paths.stream().filter(p -> fs.exists(VirtualFs.normalize(session.cwd(), p))).toList();
        return matches.isEmpty() ? List.of(pattern) : matches;
    }

    /** {@code prefix} followed by each name in it that {@code component} matches (or by the component itself). */
    private static List<String> expand(String prefix, String component, String separator, VirtualFs fs, Session session)
            throws IOException {
        if (!hasPattern(component)) {
            return List.of(prefix + component + separator);
        }
        String dir = VirtualFs.normalize(session.cwd(), prefix.isEmpty() ? "." : prefix);
        if (!fs.isDirectory(dir)) {
            return List.of();
        }
        Pattern regex = Pattern.compile(toRegex(component));
        return fs.list(dir).stream()
                .filter(name -> (!name.startsWith(".") || component.startsWith(".")) && regex.matcher(name).matches())
                .map(name -> prefix + name + separator).toList();
    }

    private static boolean hasPattern(String component) {
        return component.contains("*") || component.contains("?") || component.contains("[");
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        regex.append("\\[");
                    } else {
                        regex.append('[').append(glob.substring(i + 1, end).replace("!", "^").replace("\\", "\\\\")).append(']');
                        i = end;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
