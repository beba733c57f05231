package dev.mast.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthKeyboardInteractive;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.method.PasswordResponseProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Logs in to a host the way {@code ssh} does: first the agent's keys that are also one of the
 * host's key files, then the agent's other keys (unless {@code IdentitiesOnly}), then the key
 * files the agent does not hold (asking for a passphrase only now), and last a password when the
 * user gives one. A refusal is final: it is never retried. The agent signs; its private keys
 * never pass through Mast.
 */
final class Authenticator {
    private final KeyLoader keys;
    private final RunSecrets secrets;
    private final Optional<SshAgent> agent;

    Authenticator(KeyLoader keys, RunSecrets secrets, Optional<SshAgent> agent) {
        this.keys = keys;
        this.secrets = secrets;
        this.agent = agent;
    }

    /**
     * @return the identity that was accepted, as the Nodes page shows it
     *         ({@code agent: ED25519 SHA256:...}, {@code key file ~/.ssh/id_rsa: RSA SHA256:...}, {@code password})
     * @throws TransportException when the connection broke while logging in (the caller may redial)
     */
    String authenticate(SSHClient client, SshHop hop) throws NodeAuthException, TransportException {
        NodeAddress node = hop.address();
        List<String> outcomes = new ArrayList<>();
        List<AgentIdentity> offered = agentIdentities(outcomes);
        List<IdentityFile> files = new ArrayList<>();
        List<AgentIdentity> ordered = new ArrayList<>();
        for (IdentityFile file : hop.identityFiles()) {
            byte[] pub = publicBlob(file.path());
            Optional<AgentIdentity> held = offered.stream().filter(id -> pub != null && id.sameKey(pub)).findFirst();
            if (held.isPresent()) {
                ordered.add(held.get());
            } else {
                files.add(file);
            }
        }
        if (!hop.identitiesOnly()) {
            offered.stream().filter(id -> !ordered.contains(id)).forEach(ordered::add);
        }
        for (AgentIdentity identity : ordered) {
            if (AgentAuth.usable(identity) && tryAuth(client, node, new AgentAuth(agent.orElseThrow(), identity))) {
                return identity.toString();
            }
        }
        if (!ordered.isEmpty()) {
            outcomes.add(ordered.size() == 1 ? "the agent's key was refused" : "the agent's " + ordered.size()
                    + " keys were refused");
        }
        for (IdentityFile file : files) {
            Optional<String> used = tryFile(client, node, file, outcomes);
            if (used.isPresent()) {
                return used.get();
            }
        }
        if (outcomes.isEmpty()) {
            outcomes.add("no key file is set and no ssh-agent holds a key");
        }
        loginWithPassword(client, node, String.join(", ", outcomes));
        return "password";
    }

    private List<AgentIdentity> agentIdentities(List<String> outcomes) {
        if (agent.isEmpty()) {
            return List.of();
        }
        try {
            return agent.get().identities();
        } catch (IOException e) {
            outcomes.add(e.getMessage());
            return List.of();
        }
    }

    private Optional<String> tryFile(SSHClient client, NodeAddress node, IdentityFile file, List<String> outcomes)
            throws TransportException {
        if (!Files.isRegularFile(file.path())) {
            if (file.named()) {
                outcomes.add("the key file " + file.path() + " does not exist");
            }
            return Optional.empty();
        }
        KeyProvider key;
        try {
            key = keys.load(file.path());
        } catch (KeyLoader.KeyProblem e) {
            outcomes.add(e.getMessage());
            return Optional.empty();
        }
        if (key == null) {
            outcomes.add("the passphrase of " + file.path() + " was not given");
            return Optional.empty();
        }
        if (tryAuth(client, node, new AuthPublickey(key))) {
            try {
                return Optional.of("key file " + file.written() + ": " + AgentIdentity.label(HostKeys.type(key.getPublic()))
                        + " " + HostKeys.fingerprint(key.getPublic()));
            } catch (IOException e) {
                return Optional.of("key file " + file.written());
            }
        }
        outcomes.add("the key " + file.path() + " was refused");
        return Optional.empty();
    }

    private static boolean tryAuth(SSHClient client, NodeAddress node, net.schmizz.sshj.userauth.method.AuthMethod method)
            throws TransportException {
        try {
            client.auth(node.user(), method);
            return true;
        } catch (UserAuthException e) {
            return false;
        }
    }

    /** The public key next to a key file ({@code id_ed25519.pub}), to find the same key in the agent. */
    private static byte[] publicBlob(Path keyFile) {
        Path pub = keyFile.resolveSibling(keyFile.getFileName() + ".pub");
        try {
            String[] fields = Files.readString(pub, StandardCharsets.UTF_8).strip().split("\\s+");
            return fields.length < 2 ? null : Base64.getDecoder().decode(fields[1]);
        } catch (IOException | IllegalArgumentException e) {
            return null; // no .pub beside it: the file is tried on its own
        }
    }

    private void loginWithPassword(SSHClient client, NodeAddress node, String keyOutcome)
            throws NodeAuthException, TransportException {
        char[] password = secrets.password(node);
        if (password == null) {
            throw new NodeAuthException(node, "logging in", "Could not log in to " + node + ": " + keyOutcome
                    + " and no password was given.", null);
        }
        try {
            PasswordFinder finder = new FixedPassword(password);
            client.auth(node.user(), new AuthPassword(finder),
                    new AuthKeyboardInteractive(new PasswordResponseProvider(finder)));
        } catch (UserAuthException e) {
            secrets.forgetPassword(node);
            throw new NodeAuthException(node, "logging in", "Could not log in to " + node + ": " + keyOutcome
                    + " and the password was refused.", null);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Hands sshj a copy each time, since sshj may wipe what it is given. */
    private record FixedPassword(char[] password) implements PasswordFinder {
        @Override
        public char[] reqPassword(Resource<?> resource) {
            return password.clone();
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }

        @Override
        public String toString() {
            return "FixedPassword[hidden]";
        }
    }
}
