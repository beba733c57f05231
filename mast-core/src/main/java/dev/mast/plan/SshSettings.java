package dev.mast.plan;

/**
 * How Mast reaches a node. Only the path of the private key is kept; passwords and key
 * passphrases are asked for at run time and never stored in a plan.
 *
 * <p>A value left out ({@code ""}, port {@code 0}) is taken from the OpenSSH configuration
 * ({@code ~/.ssh/config}) when it has one, else from Mast's default: user {@code root}, port 22,
 * the ssh-agent's keys and {@code ssh}'s default key files. A value in the plan wins over the
 * configuration, as an option on {@code ssh}'s command line does.
 *
 * @param jump the jump hosts to go through, as OpenSSH's {@code ProxyJump}:
 *             {@code user@bastion:22}, several separated by commas, or {@code none} for a direct
 *             connection whatever the configuration says
 */
public record SshSettings(String user, int port, String keyFile, String jump) {
    /** What a new node starts with in the wizard. */
    public static final SshSettings DEFAULT = new SshSettings("root", 22, "~/.ssh/id_ed25519", "");
    /** Nothing set: everything comes from the OpenSSH configuration or Mast's defaults. */
    public static final SshSettings UNSET = new SshSettings("", 0, "", "");

    public SshSettings {
        user = user == null ? "" : user;
        keyFile = keyFile == null ? "" : keyFile;
        jump = jump == null ? "" : jump;
    }

    public SshSettings(String user, int port, String keyFile) {
        this(user, port, keyFile, "");
    }

    public SshSettings withUser(String newUser) {
        return new SshSettings(newUser, port, keyFile, jump);
    }

    public SshSettings withPort(int newPort) {
        return new SshSettings(user, newPort, keyFile, jump);
    }

    public SshSettings withKeyFile(String newKeyFile) {
        return new SshSettings(user, port, newKeyFile, jump);
    }

    public SshSettings withJump(String newJump) {
        return new SshSettings(user, port, keyFile, newJump);
    }

    /** These settings where they are set, else {@code defaults}'s: a node's own over the plan's. */
    public SshSettings over(SshSettings defaults) {
        return new SshSettings(user.isEmpty() ? defaults.user : user, port == 0 ? defaults.port : port,
                keyFile.isEmpty() ? defaults.keyFile : keyFile, jump.isEmpty() ? defaults.jump : jump);
    }

    /** Only the values that differ from {@code defaults}: what a node must say beside the plan's. */
    public SshSettings without(SshSettings defaults) {
        return new SshSettings(user.equals(defaults.user) ? "" : user, port == defaults.port ? 0 : port,
                keyFile.equals(defaults.keyFile) ? "" : keyFile, jump.equals(defaults.jump) ? "" : jump);
    }
}
