package dev.mast.workflow.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service unit as systemd loads it, from what {@code systemctl cat} prints: the unit file and
 * its drop-ins, each under a {@code # /path} line, read in that order. Of the {@code [Service]}
 * section it keeps what makes the command line: the last {@code ExecStart=} (an empty one, as a
 * drop-in that replaces the command starts with, clears those before it), the
 * {@code Environment=} assignments and the {@code EnvironmentFile=} paths (an empty one clears
 * both lists of its kind, as in systemd). Lines ending in a backslash continue on the next.
 *
 * @param files            the unit file first, then its drop-ins, as {@code systemctl cat} names them
 * @param execStart        the command, as written (variables not yet expanded)
 * @param environment      every {@code Environment=} value, in order
 * @param environmentFiles every {@code EnvironmentFile=} value, a leading {@code -} meaning "if it exists"
 */
public record SystemdUnit(String name, List<String> files, Optional<String> execStart, List<String> environment,
                          List<String> environmentFiles) {
    public SystemdUnit {
        files = List.copyOf(files);
        environment = List.copyOf(environment);
        environmentFiles = List.copyOf(environmentFiles);
    }

    /** The unit file itself ({@code FragmentPath}); empty for a unit made of drop-ins only. */
    public Optional<String> fragmentPath() {
        return files.stream().filter(f -> !f.contains(".d/")).findFirst();
    }

    public List<String> dropIns() {
        return files.stream().filter(f -> f.contains(".d/")).toList();
    }

    /** Reads {@code systemctl cat NAME}'s output. */
    public static SystemdUnit fromCat(String name, String text) {
        List<String> files = new ArrayList<>();
        Optional<String> execStart = Optional.empty();
        List<String> environment = new ArrayList<>();
        List<String> environmentFiles = new ArrayList<>();
        String section = "";
        boolean atFileStart = true;
        for (String line : joinContinuations(text)) {
            String trimmed = line.strip();
            if (atFileStart && trimmed.matches("# /\\S+\\.(service|conf)")) {
                files.add(trimmed.substring(2).strip());
                section = "";
                atFileStart = false;
                continue;
            }
            atFileStart = trimmed.isEmpty();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                section = trimmed.substring(1, trimmed.length() - 1);
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0 || !section.equals("Service")) {
                continue;
            }
            String key = trimmed.substring(0, eq).strip();
            String value = trimmed.substring(eq + 1).strip();
            switch (key) {
                case "ExecStart" -> execStart = value.isEmpty() ? Optional.empty() : Optional.of(value);
                case "Environment" -> reset(environment, value);
                case "EnvironmentFile" -> reset(environmentFiles, value);
                default -> { }
            }
        }
        return new SystemdUnit(name, files, execStart, environment, environmentFiles);
    }

    private static void reset(List<String> values, String value) {
        if (value.isEmpty()) {
            values.clear();
        } else {
            values.add(value);
        }
    }

    /** Lines with backslash continuations joined, as systemd joins them (the backslash becomes a space). */
    private static List<String> joinContinuations(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : text.split("\r?\n", -1)) {
            String line = current == null ? raw : current + " " + raw.stripLeading();
            if (line.endsWith("\\") && !line.strip().startsWith("#")) {
                current = new StringBuilder(line.substring(0, line.length() - 1));
            } else {
                lines.add(line);
                current = null;
            }
        }
        if (current != null) {
            lines.add(current.toString());
        }
        return lines;
    }
}
