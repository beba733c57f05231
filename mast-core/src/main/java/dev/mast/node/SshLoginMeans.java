package dev.mast.node;

import dev.mast.plan.LoginMeans;
import dev.mast.plan.Node;
import dev.mast.plan.SshSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * Answers validation's question "can this node log in besides its plan's key file?" from the
 * environment, as a connection would: the ssh-agent's keys, else a key file that
 * {@code ~/.ssh/config} (or ssh's defaults, when nothing names one) gives the node.
 */
public final class SshLoginMeans implements LoginMeans {
    private final SshEnvironment env;
    private final SshRoutes routes;
    /** Asked once: validation runs on every keystroke in the wizard. */
    private final Optional<String> agentKeys;

    public SshLoginMeans(SshEnvironment env) {
        this.env = env;
        this.routes = new SshRoutes(env, SshOptions.DEFAULT);
        this.agentKeys = env.agent().flatMap(SshLoginMeans::describe);
    }

    private static Optional<String> describe(SshAgent agent) {
        try {
            List<AgentIdentity> keys = agent.identities();
            return keys.isEmpty() ? Optional.empty()
                    : Optional.of("the ssh-agent (" + keys.size() + (keys.size() == 1 ? " key)" : " keys)"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> besidesKeyFile(Node node) {
        if (agentKeys.isPresent()) {
            return agentKeys;
        }
        try {
            SshSettings withoutKey = node.ssh().withKeyFile("");
            return routes.route(node.hostName(), node.ip(), withoutKey).target().identityFiles().stream()
                    .filter(file -> Files.isReadable(file.path()))
                    .map(file -> "the key " + file.written() + (file.named() ? " from the SSH configuration" : ""))
                    .findFirst();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "SshLoginMeans[" + env.agent().map(SshAgent::socket).map(Object::toString).orElse("no agent") + "]";
    }
}
