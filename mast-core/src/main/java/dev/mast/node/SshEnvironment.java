package dev.mast.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the machine running Mast brings to a connection besides the plan, as it does for
 * {@code ssh}: the OpenSSH configuration files, the ssh-agent named by {@code SSH_AUTH_SOCK},
 * the user's home and name. Tests and the simulator use {@link #isolated}, which has none of
 * them, so the machine's own settings never change what they check.
 *
 * @param knownHosts the known_hosts file chosen for the run ({@code --known-hosts}, the
 *                   simulator's); null to use the configuration's {@code UserKnownHostsFile},
 *                   else {@code ~/.ssh/known_hosts}
 * @param configProblem why the configuration could not be read; reported at each connection
 */
public record SshEnvironment(SshConfig config, Optional<SshAgent> agent, Path home, String localUser,
                             Path knownHosts, String configProblem) {

    /** Only what the plan says, with this known_hosts file: no configuration files, no agent. */
    public static SshEnvironment isolated(Path knownHosts) {
        return new SshEnvironment(SshConfig.NONE, Optional.empty(), userHome(), userName(), knownHosts, null);
    }

    /**
     * The user's environment: {@code ~/.ssh/config}, {@code /etc/ssh/ssh_config} and
     * {@code SSH_AUTH_SOCK}.
     *
     * @param knownHosts the run's known_hosts file, or null for the configuration's
     */
    public static SshEnvironment ofUser(Path knownHosts) {
        Path home = userHome();
        String socket = System.getenv("SSH_AUTH_SOCK");
        Optional<SshAgent> agent = socket == null || socket.isBlank() || !Files.exists(Path.of(socket))
                ? Optional.empty() : Optional.of(new SshAgent(Path.of(socket)));
        Path userConfig = home.resolve(".ssh").resolve("config");
        try {
            return new SshEnvironment(SshConfig.read(userConfig, Path.of("/etc/ssh/ssh_config"), home), agent, home,
                    userName(), knownHosts, null);
        } catch (IOException e) {
            return new SshEnvironment(SshConfig.NONE, agent, home, userName(), knownHosts,
                    "the SSH configuration could not be read: " + e.getMessage());
        }
    }

    public SshEnvironment withConfig(SshConfig value) {
        return new SshEnvironment(value, agent, home, localUser, knownHosts, configProblem);
    }

    public SshEnvironment withAgent(SshAgent value) {
        return new SshEnvironment(config, Optional.ofNullable(value), home, localUser, knownHosts, configProblem);
    }

    public SshEnvironment withKnownHosts(Path value) {
        return new SshEnvironment(config, agent, home, localUser, value, configProblem);
    }

    private static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }

    private static String userName() {
        return System.getProperty("user.name");
    }
}
