package dev.mast.sim.machine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --name=value} flags of a command line, as Kubernetes components read them:
 * {@code --name value} also works when the next word is not a flag, and a bare
 * {@code --name} is {@code "true"}. The last occurrence wins, except for the flags that may be
 * given several times ({@link #all}).
 *
 * @param values      each flag's last value
 * @param occurrences each flag's values in order, for the flags given more than once
 */
public record Flags(Map<String, String> values, Map<String, List<String>> occurrences) {
    public Flags {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        occurrences = Collections.unmodifiableMap(new LinkedHashMap<>(occurrences));
    }

    /** Parses the words after the program name. */
    public static Flags parse(List<String> argv) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> occurrences = new LinkedHashMap<>();
        for (int i = 1; i < argv.size(); i++) {
            String word = argv.get(i);
            if (!word.startsWith("-") || word.equals("-") || word.equals("--")) {
                continue;
            }
            String flag = word.replaceFirst("^--?", "");
            int eq = flag.indexOf('=');
            String name = eq >= 0 ? flag.substring(0, eq) : flag;
            String value = eq >= 0 ? flag.substring(eq + 1)
                    : i + 1 < argv.size() && !argv.get(i + 1).startsWith("-") ? argv.get(++i) : "true";
            values.put(name, value);
            occurrences.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
        }
        return new Flags(values, occurrences);
    }

    /**
     * Every value of a flag that may be repeated ({@code --service-account-key-file},
     * {@code --service-account-issuer}), in order; empty when it is not set.
     */
    public List<String> all(String name) {
        return occurrences.getOrDefault(name, List.of());
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
