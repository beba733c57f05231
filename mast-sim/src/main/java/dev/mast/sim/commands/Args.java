package dev.mast.sim.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Getopt-style options: {@code -rf} as {@code -r -f}, {@code -m 0755} or {@code -m0755} for
 * options that take a value, {@code --name}, {@code --name=value} and {@code --name value},
 * {@code --} to end options. Unknown options are kept; each command decides what it accepts.
 */
final class Args {
    private final Set<String> flags = new HashSet<>();
    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> operands = new ArrayList<>();

    private Args() {
    }

    /**
     * @param valuedShort short options that take a value, e.g. {@code "mog"}
     * @param valuedLong  long options (without {@code --}) that take a value
     */
    static Args parse(List<String> args, String valuedShort, Set<String> valuedLong) {
        Args parsed = new Args();
        boolean options = true;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!options || arg.equals("-") || !arg.startsWith("-")) {
                parsed.operands.add(arg);
            } else if (arg.equals("--")) {
                options = false;
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    parsed.add(name.substring(0, eq), name.substring(eq + 1));
                } else if (valuedLong.contains(name) && i + 1 < args.size()) {
                    parsed.add(name, args.get(++i));
                } else {
                    parsed.flags.add(name);
                }
            } else {
                for (int j = 1; j < arg.length(); j++) {
                    String name = String.valueOf(arg.charAt(j));
                    if (valuedShort.indexOf(arg.charAt(j)) >= 0) {
                        if (j + 1 < arg.length()) {
                            // dpkg-query -f='${Status}' and friends: an attached value may come after '='.
                            String value = arg.substring(j + 1);
                            parsed.add(name, value.startsWith("=") ? value.substring(1) : value);
                        } else if (i + 1 < args.size()) {
                            parsed.add(name, args.get(++i));
                        }
                        break;
                    }
                    parsed.flags.add(name);
                }
            }
        }
        return parsed;
    }

    private void add(String name, String value) {
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    boolean has(String... names) {
        for (String name : names) {
            if (flags.contains(name) || values.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    Optional<String> value(String... names) {
        for (String name : names) {
            List<String> list = values.get(name);
            if (list != null && !list.isEmpty()) {
                return Optional.of(list.get(list.size() - 1));
            }
        }
        return Optional.empty();
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    List<String> operands() {
        return operands;
    }
}
