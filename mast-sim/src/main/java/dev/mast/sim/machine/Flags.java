package dev.mast.sim.machine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --name=value} flags of a command line, as Kubernetes components read them:
 * {@code --name value} also works when the next word is not a flag, and a bare
 * {@code --name} is {@code "true"}. The last occurrence wins.
 */
public record Flags(Map<String, String> values) {
    public Flags {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parses the words after the program name. */
    public static Flags parse(List<String> argv) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < argv.size(); i++) {
            String word = argv.get(i);
            if (!word.startsWith("-") || word.equals("-") || word.equals("--")) {
                continue;
            }
            String flag = word.replaceFirst("^--?", "");
            int eq = flag.indexOf('=');
            if (eq >= 0) {
                values.put(flag.substring(0, eq), flag.substring(eq + 1));
            } else if (i + 1 < argv.size() && !argv.get(i + 1).startsWith("-")) {
                values.put(flag, argv.get(++i));
            } else {
                values.put(flag, "true");
            }
        }
        return new Flags(values);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
