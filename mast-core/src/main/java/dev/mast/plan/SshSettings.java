package dev.mast.plan;

/**
 * How Mast reaches a node. Only the path of the private key is kept; passwords and key
 * passphrases are asked for at run time and never stored in a plan.
 */
public record SshSettings(String user, int port, String keyFile) {
    public static final SshSettings DEFAULT = new SshSettings("root", 22, "~/.ssh/id_ed25519");

    public SshSettings withUser(String newUser) {
        return new SshSettings(newUser, port, keyFile);
    }

    public SshSettings withPort(int newPort) {
        return new SshSettings(user, newPort, keyFile);
    }

    public SshSettings withKeyFile(String newKeyFile) {
        return new SshSettings(user, port, newKeyFile);
    }
}
