package dev.mast.ui.wizard;

import dev.mast.ui.NodeCheck;

/**
 * A node's connection test as the table shows it: a state for the icon, a short summary for
 * the cell and the full result for its tooltip.
 */
public record ConnectionStatus(State state, String summary, String details) {

    public enum State { NOT_TESTED, TESTING, PASSED, NEEDS_TRUST, FAILED }

    public static final ConnectionStatus NOT_TESTED = new ConnectionStatus(State.NOT_TESTED, "Not tested", "Not tested yet");
    public static final ConnectionStatus TESTING = new ConnectionStatus(State.TESTING, "Testing…", "Connecting to the node");

    public static ConnectionStatus of(NodeCheck check) {
        String details = "Reachable: " + yesNo(check.reachable())
                + "\nHost key: " + hostKey(check)
                + "\nLogged in: " + (check.authenticated() ? "yes, with " + check.identity() : "no")
                + "\nSudo without a password: " + yesNo(check.sudo())
                + "\nOperating system: " + (check.os().isEmpty() ? "unknown" : check.os())
                + (check.message().isEmpty() ? "" : "\n\n" + check.message());
        if (check.passed()) {
            String with = shortIdentity(check.identity());
            return new ConnectionStatus(State.PASSED, "OK · " + with + (check.os().isEmpty() ? "" : " · " + check.os()),
                    details);
        }
        if (check.needsHostKeyDecision()) {
            return new ConnectionStatus(State.NEEDS_TRUST, "Host key not trusted yet", details);
        }
        return new ConnectionStatus(State.FAILED, firstFailure(check), details);
    }

    /** A test that could not run at all (the tester threw). */
    public static ConnectionStatus error(String message) {
        return new ConnectionStatus(State.FAILED, "Test failed", message);
    }

    /** "agent ED25519", "key id_rsa", "password": which identity logged in, in a few words for the cell. */
    static String shortIdentity(String identity) {
        if (identity.startsWith("agent: ")) {
            String[] words = identity.substring("agent: ".length()).split(" ");
            return "agent " + words[0];
        }
        if (identity.startsWith("key file ")) {
            String path = identity.substring("key file ".length(), identity.lastIndexOf(':'));
            return "key " + path.substring(path.lastIndexOf('/') + 1);
        }
        return identity.isEmpty() ? "connected" : identity;
    }

    private static String firstFailure(NodeCheck check) {
        if (!check.reachable()) {
            return "Not reachable";
        }
        if (check.hostKey() == NodeCheck.HostKey.CHANGED) {
            return "Host key changed";
        }
        if (!check.authenticated()) {
            return "Login failed";
        }
        return check.sudo() ? "Failed" : "No sudo";
    }

    private static String hostKey(NodeCheck check) {
        String fingerprint = check.hostKeyFingerprint().isEmpty() ? "" : " " + check.hostKeyFingerprint();
        switch (check.hostKey()) {
            case KNOWN:
                return "trusted" + fingerprint;
            case UNKNOWN:
                return "not trusted yet" + fingerprint;
            case CHANGED:
                return "CHANGED since it was trusted" + fingerprint;
            default:
                return "not checked";
        }
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
