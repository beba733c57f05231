package dev.mast.node;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * The {@code publickey} method with a key held by an agent: the key is offered first, and only
 * when the server accepts it is the agent asked to sign the request (RFC 4252 section 7). RSA
 * keys are offered with SHA-2 signatures ({@code rsa-sha2-512}, then {@code rsa-sha2-256}),
 * never SHA-1 {@code ssh-rsa}, which OpenSSH 8.8 and later refuse.
 */
final class AgentAuth extends AbstractAuthMethod {
    private record Algorithm(String name, int flags) { }

    private final SshAgent agent;
    private final AgentIdentity identity;
    private final Deque<Algorithm> algorithms;

    AgentAuth(SshAgent agent, AgentIdentity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
        this.algorithms = new ArrayDeque<>(algorithms(identity.type()));
    }

    /** Whether Mast can offer the key at all (DSA keys are not: OpenSSH dropped them). */
    static boolean usable(AgentIdentity identity) {
        return !algorithms(identity.type()).isEmpty();
    }

    private static List<Algorithm> algorithms(String type) {
        if (type.equals("ssh-rsa")) {
            return List.of(new Algorithm("rsa-sha2-512", SshAgent.RSA_SHA2_512),
                    new Algorithm("rsa-sha2-256", SshAgent.RSA_SHA2_256));
        }
        if (type.equals("ssh-rsa-cert-v01@openssh.com")) {
            return List.of(new Algorithm("rsa-sha2-512-cert-v01@openssh.com", SshAgent.RSA_SHA2_512),
                    new Algorithm("rsa-sha2-256-cert-v01@openssh.com", SshAgent.RSA_SHA2_256));
        }
        if (type.isEmpty() || type.startsWith("ssh-dss")) {
            return List.of();
        }
        return List.of(new Algorithm(type, 0));
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    /** The server refused this algorithm: try the next SHA-2 variant of an RSA key, if any. */
    @Override
    public boolean shouldRetry() {
        algorithms.poll();
        return !algorithms.isEmpty();
    }

    @Override
    public void handle(Message message, SSHPacket buffer) throws UserAuthException, TransportException {
        if (message != Message.USERAUTH_60) {
            super.handle(message, buffer);
            return;
        }
        SSHPacket signed = request(true);
        byte[] data = new Buffer.PlainBuffer()
                .putString(params.getTransport().getSessionID())
                .putBuffer(signed)
                .getCompactData();
        try {
            signed.putString(agent.sign(identity.blob(), data, current().flags()));
        } catch (IOException e) {
            throw new UserAuthException(e.getMessage(), e);
        }
        params.getTransport().write(signed);
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        SSHPacket packet = super.buildReq();
        packet.putBoolean(signed).putString(current().name()).putString(identity.blob());
        return packet;
    }

    private Algorithm current() throws UserAuthException {
        Algorithm algorithm = algorithms.peek();
        if (algorithm == null) {
            throw new UserAuthException("no signature algorithm for the agent's " + identity.type() + " key");
        }
        return algorithm;
    }

    @Override
    public String toString() {
        return "AgentAuth[" + identity + "]";
    }
}
