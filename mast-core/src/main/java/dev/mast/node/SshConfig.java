package dev.mast.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OpenSSH client configuration ({@code ~/.ssh/config}, then {@code /etc/ssh/ssh_config}) read
 * as {@code ssh} reads it, for the keywords Mast uses: {@code Host} blocks with patterns and
 * {@code !} negation, {@code Match} blocks ({@code all}, {@code host}, {@code originalhost},
 * {@code user}, {@code localuser}), {@code Include}, and for each keyword the first value found
 * wins ({@code IdentityFile} adds up instead). Values given before the files are read (from the
 * plan) win over them, as options on {@code ssh}'s command line do. Keywords Mast does not use
 * are ignored.
 */
public final class SshConfig {
    /** Keywords whose first value wins; everything else but IdentityFile is ignored. */
    static final Set<String> KEYWORDS = Set.of("hostname", "user", "port", "identitiesonly", "proxyjump",
            "proxycommand", "userknownhostsfile", "stricthostkeychecking", "connecttimeout", "serveraliveinterval");

    public static final SshConfig NONE = new SshConfig(List.of());

    private final List<List<SshConfigFile.Entry>> files;

    private SshConfig(List<List<SshConfigFile.Entry>> files) {
        this.files = files;
    }

    /**
     * Reads the user's file, then the system's; a file that does not exist counts as empty.
     *
     * @throws IOException when a file exists but cannot be read or split, with file and line
     */
    public static SshConfig read(Path userFile, Path systemFile, Path home) throws IOException {
        return new SshConfig(List.of(
                SshConfigFile.read(userFile, home.resolve(".ssh"), home),
                SshConfigFile.read(systemFile, Path.of("/etc/ssh"), home)));
    }

    /** What to look up: the names the host is known by and the values already given. */
    record Query(List<String> names, String hostName, String user, String localUser, Path home) {
        Query {
            names = names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        }
    }

    /** One value and the file and line it came from. */
    record Value(List<String> args, String where) {
        String first() {
            return args.isEmpty() ? "" : args.get(0);
        }
    }

    /**
     * The values the files give a host.
     *
     * @param notes what Mast saw but does not do (e.g. {@code Match exec}, {@code ProxyCommand})
     */
    record HostValues(Map<String, Value> values, List<Value> identityFiles, List<String> notes) {
        Value get(String keyword) {
            return values.get(keyword);
        }
    }

    HostValues lookup(Query query) {
        var walk = new Walk(query);
        for (List<SshConfigFile.Entry> file : files) {
            walk.active = true;
            walk.entries(file, false);
        }
        return new HostValues(Map.copyOf(walk.values), List.copyOf(walk.identityFiles), List.copyOf(walk.notes));
    }

    /** One pass over the files for one host, as readconf.c's process_config_line does. */
    private static final class Walk {
        private final Query query;
        private final Map<String, Value> values = new LinkedHashMap<>();
        private final List<Value> identityFiles = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private String hostName;
        private String user;
        private boolean active = true;

        Walk(Query query) {
            this.query = query;
            this.hostName = query.hostName();
            this.user = query.user();
        }

        void entries(List<SshConfigFile.Entry> entries, boolean neverMatch) {
            for (SshConfigFile.Entry entry : entries) {
                switch (entry.keyword()) {
                    case "host" -> active = !neverMatch && hostMatches(entry.args());
                    case "match" -> active = !neverMatch && matchMatches(entry);
                    case "include" -> {
                        boolean outer = active;
                        for (List<SshConfigFile.Entry> included : entry.included()) {
                            entries(included, neverMatch || !outer);
                        }
                        active = outer;
                    }
                    default -> {
                        if (active) {
                            apply(entry);
                        }
                    }
                }
            }
        }

        private void apply(SshConfigFile.Entry entry) {
            Value value = new Value(entry.args(), entry.where());
            if (entry.keyword().equals("identityfile")) {
                identityFiles.add(value);
                return;
            }
            if (!KEYWORDS.contains(entry.keyword()) || entry.args().isEmpty()) {
                return;
            }
            // ProxyJump and ProxyCommand exclude each other: the first of the two wins.
            boolean proxy = entry.keyword().startsWith("proxy");
            if (values.containsKey(entry.keyword()) || proxy && (values.containsKey("proxyjump")
                    || values.containsKey("proxycommand"))) {
                return;
            }
            values.put(entry.keyword(), value);
            if (entry.keyword().equals("hostname") && hostName == null) {
                hostName = value.first().replace("%h", query.names().get(0)).replace("%%", "%");
            }
            if (entry.keyword().equals("user") && user == null) {
                user = value.first();
            }
            if (entry.keyword().equals("proxycommand") && !value.first().equalsIgnoreCase("none")) {
                notes.add(entry.where() + ": ProxyCommand is not used by Mast; use ProxyJump");
            }
        }

        private boolean hostMatches(List<String> patterns) {
            boolean matched = false;
            for (String pattern : patterns) {
                boolean negated = pattern.startsWith("!");
                String body = negated ? pattern.substring(1) : pattern;
                boolean hit = query.names().stream().anyMatch(name -> HostPatterns.glob(body, name));
                if (hit && negated) {
                    return false;
                }
                matched |= hit;
            }
            return matched;
        }

        /** Every criterion must hold; one Mast cannot evaluate makes the block not apply. */
        private boolean matchMatches(SshConfigFile.Entry entry) {
            List<String> args = entry.args();
            boolean all = true;
            for (int i = 0; i < args.size(); i++) {
                String word = args.get(i).toLowerCase(Locale.ROOT);
                boolean negated = word.startsWith("!");
                String criterion = negated ? word.substring(1) : word;
                if (criterion.equals("all")) {
                    continue;
                }
                if (criterion.equals("canonical") || criterion.equals("final")) {
                    notes.add(entry.where() + ": Match " + criterion + " is not evaluated by Mast; the block is skipped");
                    return false;
                }
                if (i + 1 >= args.size()) {
                    notes.add(entry.where() + ": Match " + criterion + " has no argument; the block is skipped");
                    return false;
                }
                String list = args.get(++i);
                Boolean result = switch (criterion) {
                    case "host" -> listMatches(list, List.of(currentHost()));
                    case "originalhost" -> listMatches(list, query.names());
                    case "user" -> listMatches(list, List.of(user == null ? query.localUser() : user));
                    case "localuser" -> listMatches(list, List.of(query.localUser()));
                    default -> null;
                };
                if (result == null) {
                    notes.add(entry.where() + ": Match " + criterion + " is not evaluated by Mast; the block is skipped");
                    return false;
                }
                all &= negated != result;
            }
            return all;
        }

        /** The host {@code Match host} looks at: the HostName known so far, else the name given. */
        private String currentHost() {
            return (hostName == null ? query.names().get(0) : hostName).toLowerCase(Locale.ROOT);
        }

        /** A comma-separated pattern list, as match_pattern_list: a negated hit vetoes. */
        private static boolean listMatches(String list, List<String> names) {
            boolean matched = false;
            for (String pattern : list.split(",")) {
                boolean negated = pattern.startsWith("!");
                String body = (negated ? pattern.substring(1) : pattern).toLowerCase(Locale.ROOT);
                boolean hit = names.stream().anyMatch(name -> HostPatterns.glob(body, name.toLowerCase(Locale.ROOT)));
                if (hit && negated) {
                    return false;
                }
                matched |= hit;
            }
            return matched;
        }
    }
}
