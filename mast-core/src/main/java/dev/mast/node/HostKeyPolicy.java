package dev.mast.node;

import java.util.Locale;

/**
 * What to do with a host key known_hosts does not list yet, as OpenSSH's
 * {@code StrictHostKeyChecking} says. A key that differs from the one listed always stops the
 * connection, whatever the policy: Mast never connects to a host whose key changed.
 */
public enum HostKeyPolicy {
    /** Ask the user to compare the fingerprint ({@code ask}, the default). */
    ASK,
    /** Refuse it; only keys already listed are accepted ({@code yes}). */
    KNOWN_ONLY,
    /** Record it without asking ({@code accept-new}, and {@code no}/{@code off}, which Mast treats the same). */
    ACCEPT_NEW;

    /** The policy a {@code StrictHostKeyChecking} value names; null when it names none. */
    static HostKeyPolicy of(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "ask" -> ASK;
            case "yes", "true" -> KNOWN_ONLY;
            case "accept-new", "no", "false", "off" -> ACCEPT_NEW;
            default -> null;
        };
    }
}
