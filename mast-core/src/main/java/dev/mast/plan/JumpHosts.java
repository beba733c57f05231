package dev.mast.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The jump hosts of a node, written as OpenSSH's {@code ProxyJump}: {@code [user@]host[:port]}
 * (or {@code ssh://[user@]host[:port]}), several separated by commas and gone through in that
 * order, or {@code none} for a direct connection.
 */
public final class JumpHosts {
    /** One jump host; an empty user and port 0 are taken from the SSH configuration or defaults. */
    public record Hop(String user, String host, int port) {
        @Override
        public String toString() {
            String address = host.contains(":") ? "[" + host + "]" : host;
            return (user.isEmpty() ? "" : user + "@") + address + (port == 0 ? "" : ":" + port);
        }
    }

    private JumpHosts() {
    }

    public static boolean isNone(String spec) {
        return spec.strip().equalsIgnoreCase("none");
    }

    /**
     * The hops in order; empty for {@code none} or an empty value.
     *
     * @throws IllegalArgumentException with a message that says what is wrong in which hop
     */
    public static List<Hop> parse(String spec) {
        String text = spec.strip();
        if (text.isEmpty() || isNone(text)) {
            return List.of();
        }
        List<Hop> hops = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            hops.add(hop(part.strip(), text));
        }
        return List.copyOf(hops);
    }

    private static Hop hop(String part, String whole) {
        String rest = part.startsWith("ssh://") ? part.substring("ssh://".length()) : part;
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty() || rest.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("\"" + whole + "\" has an empty or blank jump host; write user@bastion:22, "
                    + "several separated by commas, or none");
        }
        int at = rest.lastIndexOf('@');
        String user = at < 0 ? "" : rest.substring(0, at);
        String address = rest.substring(at + 1);
        String host = address;
        String port = "";
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("\"" + part + "\" opens [ without closing it");
            }
            host = address.substring(1, close);
            port = address.substring(close + 1).startsWith(":") ? address.substring(close + 2) : "";
        } else if (address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            host = address.substring(0, address.indexOf(':'));
            port = address.substring(address.indexOf(':') + 1);
        }
        if (host.isEmpty() || (at >= 0 && user.isEmpty())) {
            throw new IllegalArgumentException("\"" + part + "\" is not [user@]host[:port]");
        }
        return new Hop(user, host.toLowerCase(Locale.ROOT), port(port, part));
    }

    private static int port(String text, String part) {
        if (text.isEmpty()) {
            return 0;
        }
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw new IllegalArgumentException("\"" + part + "\" has the port \"" + text + "\"; write a number from 1 to 65535");
        }
        return Integer.parseInt(text);
    }
}
