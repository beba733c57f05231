package dev.mast.sim.machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A systemd unit as systemd loads it: the fragment file and its drop-ins merged, with
 * backslash continuations joined and {@code ExecStart=} resetting earlier values when empty.
 *
 * @param text        what {@code systemctl cat} prints
 * @param fingerprint changes whenever any of the files changes, to tell "changed on disk"
 */
public record UnitFile(String name, String fragmentPath, List<String> dropInPaths,
                       Map<String, Map<String, List<String>>> sections, String text, String fingerprint) {

    /** A source file of the unit: its path and content. */
    public record Source(String path, String content) { }

    public static UnitFile parse(String name, Source fragment, List<Source> dropIns) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        List<Source> all = new ArrayList<>();
        all.add(fragment);
        all.addAll(dropIns);
        for (Source source : all) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append("# ").append(source.path()).append('\n').append(source.content());
            if (!source.content().endsWith("\n")) {
                text.append('\n');
            }
            merge(sections, source.content());
        }
        return new UnitFile(name, fragment.path(), dropIns.stream().map(Source::path).toList(), sections,
                text.toString(), Integer.toHexString(text.toString().hashCode()));
    }

    private static void merge(Map<String, Map<String, List<String>>> sections, String content) {
        String section = "";
        String joined = content.replaceAll("\\\\\\r?\\n", " ");
        for (String raw : joined.split("\\r?\\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            List<String> values = sections.computeIfAbsent(section, s -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new ArrayList<>());
            if (value.isEmpty()) {
                values.clear();
            } else {
                values.add(value);
            }
        }
    }

    public List<String> all(String section, String key) {
        return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
    }

    public Optional<String> last(String section, String key) {
        List<String> values = all(section, key);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    public String description() {
        return last("Unit", "Description").orElse(name);
    }

    public String type() {
        return last("Service", "Type").orElse("simple");
    }

    public String restart() {
        return last("Service", "Restart").orElse("no");
    }

    public boolean remainAfterExit() {
        return last("Service", "RemainAfterExit").map(v -> v.equals("yes") || v.equals("true")).orElse(false);
    }

    /** The raw ExecStart line, without systemd's prefix characters ({@code -}, {@code @}, ...). */
    public Optional<String> execStart() {
        return last("Service", "ExecStart").map(v -> v.replaceFirst("^[-@:+!]+", ""));
    }

    /** The targets that enabling the unit links it into. */
    public List<String> wantedBy() {
        List<String> targets = new ArrayList<>();
        for (String key : List.of("WantedBy", "RequiredBy")) {
            for (String value : all("Install", key)) {
                targets.addAll(List.of(value.trim().split("\\s+")));
            }
        }
        return targets;
    }

    public boolean hasInstallSection() {
        return sections.containsKey("Install") && !sections.get("Install").isEmpty();
    }
}
