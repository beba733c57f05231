package dev.mast.ui.wizard;

import dev.mast.plan.FieldChecks;
import dev.mast.plan.Node;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads nodes pasted as text, one per line: {@code host ip [internalIp] roles [user] [port] [key]},
 * roles separated by commas ({@code etcd,master}). Blank lines and {@code #} comments are skipped.
 * A line that does not make a node is reported with its number and why, and the others are kept.
 */
public final class NodeLines {
    public static final String FORMAT = "host ip [internalIp] roles [user] [port] [key]";

    /** A line that was not added. */
    public record BadLine(int number, String text, String reason) {
        @Override
        public String toString() {
            return "Line " + number + ": " + reason;
        }
    }

    public record Result(List<Node> nodes, List<BadLine> badLines) {
        public Result {
            nodes = List.copyOf(nodes);
            badLines = List.copyOf(badLines);
        }
    }

    private NodeLines() {
    }

    /** @param defaults the SSH settings of nodes whose line leaves them out */
    public static Result parse(String text, SshSettings defaults) {
        List<Node> nodes = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                nodes.add(parseLine(line, defaults));
            } catch (IllegalArgumentException e) {
                bad.add(new BadLine(i + 1, line, e.getMessage()));
            }
        }
        return new Result(nodes, bad);
    }

    private static Node parseLine(String line, SshSettings defaults) {
        String[] fields = line.split("\\s+");
        if (fields.length < 3) {
            throw new IllegalArgumentException("expected at least a host name, an IP address and roles (" + FORMAT + ")");
        }
        String host = fields[0];
        check("host name", FieldChecks.dnsLabel(host));
        String ip = fields[1];
        check("IP address", FieldChecks.ipv4(ip));
        int next = 2;
        String internalIp = ip;
        // Anything shaped like an address in third place is the internal IP, roles never look like that.
        if (fields[2].matches("[\\d.]+")) {
            internalIp = fields[2];
            check("internal IP", FieldChecks.ipv4(internalIp));
            next = 3;
        }
        if (next >= fields.length) {
            throw new IllegalArgumentException("roles are missing after the addresses; add them, e.g. etcd,master");
        }
        EnumSet<Role> roles = roles(fields[next]);
        if (fields.length > next + 4) {
            throw new IllegalArgumentException("has " + fields.length + " fields, more than " + FORMAT + " allows");
        }
        String user = field(fields, next + 1).orElse(defaults.user());
        int port = field(fields, next + 2).map(NodeLines::port).orElse(defaults.port());
        String key = field(fields, next + 3).orElse(defaults.keyFile());
        return new Node(host, ip, internalIp, roles, new SshSettings(user, port, key, defaults.jump()));
    }

    private static EnumSet<Role> roles(String text) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String key : text.split(",")) {
            if (key.isBlank()) {
                continue;
            }
            roles.add(Role.fromKey(key.trim().toLowerCase(java.util.Locale.ROOT)));
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("no roles; give one or more of etcd, master, worker, ingress separated by commas");
        }
        return roles;
    }

    private static int port(String text) {
        if (!text.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("SSH port \"" + text + "\" is not a number; use a port from 1 to 65535");
        }
        int port = Integer.parseInt(text);
        check("SSH port", FieldChecks.port(port));
        return port;
    }

    private static Optional<String> field(String[] fields, int index) {
        return index < fields.length ? Optional.of(fields[index]) : Optional.empty();
    }

    private static void check(String what, Optional<String> problem) {
        problem.ifPresent(message -> {
            throw new IllegalArgumentException(what + " " + message);
        });
    }
}
