package dev.mast.workflow.legacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flags of a component's command line, in order, as its flag parser reads them:
 * {@code --name=value}, {@code --name value} (the next word, when it is no flag),
 * {@code -name=value} (a single dash works too), and a bare {@code --name} meaning
 * {@code true}. A flag given more than once keeps every value ({@code --service-account-key-file}
 * and {@code --service-account-issuer} may be repeated).
 */
public record CommandFlags(List<Flag> flags) {
    /** One flag as given; {@code name} without dashes. */
    public record Flag(String name, String value) { }

    public CommandFlags {
        flags = List.copyOf(flags);
    }

    public static CommandFlags parse(List<String> args) {
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (!word.startsWith("-") || word.equals("-") || word.equals("--")) {
                continue;
            }
            String flag = word.replaceFirst("^--?", "");
            int eq = flag.indexOf('=');
            if (eq >= 0) {
                flags.add(new Flag(flag.substring(0, eq), flag.substring(eq + 1)));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                flags.add(new Flag(flag, args.get(++i)));
            } else {
                flags.add(new Flag(flag, "true"));
            }
        }
        return new CommandFlags(flags);
    }

    /** The value the component uses: the last one given. */
    public Optional<String> value(String name) {
        Optional<String> value = Optional.empty();
        for (Flag flag : flags) {
            if (flag.name().equals(name)) {
                value = Optional.of(flag.value());
            }
        }
        return value;
    }

    public List<String> values(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).map(Flag::value).toList();
    }

    public boolean has(String name) {
        return flags.stream().anyMatch(f -> f.name().equals(name));
    }

    /** Every flag with all its values, in the order first given. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        flags.forEach(f -> map.computeIfAbsent(f.name(), n -> new ArrayList<>()).add(f.value()));
        return map;
    }

    public CommandFlags without(java.util.Collection<String> names) {
        return new CommandFlags(flags.stream().filter(f -> !names.contains(f.name())).toList());
    }
}
