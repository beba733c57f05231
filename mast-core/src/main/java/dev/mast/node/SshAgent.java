package dev.mast.node;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of {@code ssh-agent} (or any agent speaking its protocol, e.g. gpg-agent or a
 * hardware key's) over the Unix-domain socket {@code SSH_AUTH_SOCK} names. Mast only lists the
 * agent's public keys and asks it to sign: private keys never leave the agent.
 *
 * <p>Each request opens its own connection to the socket, so any number of nodes can log in
 * at once; the agent serves every client.
 */
public final class SshAgent {
    private static final int FAILURE = 5;
    private static final int REQUEST_IDENTITIES = 11;
    private static final int IDENTITIES_ANSWER = 12;
    private static final int SIGN_REQUEST = 13;
    private static final int SIGN_RESPONSE = 14;
    /** Sign-request flags asking for an RSA signature with SHA-2 instead of SHA-1. */
    static final int RSA_SHA2_256 = 2;
    static final int RSA_SHA2_512 = 4;
    /** An answer larger than this is not an agent speaking (OpenSSH caps messages at 256 KiB). */
    private static final int MAX_MESSAGE = 256 * 1024;

    private final Path socket;

    public SshAgent(Path socket) {
        this.socket = socket;
    }

    public Path socket() {
        return socket;
    }

    /** The agent's keys, in the agent's order (the order {@code ssh} offers them). */
    public List<AgentIdentity> identities() throws IOException {
        Reader answer = call(new byte[] {REQUEST_IDENTITIES}, IDENTITIES_ANSWER, "listing its keys");
        int count = answer.uint32();
        List<AgentIdentity> identities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            identities.add(new AgentIdentity(answer.string(), new String(answer.string(), StandardCharsets.UTF_8)));
        }
        return identities;
    }

    /**
     * Asks the agent to sign {@code data} with the key whose public blob is given.
     *
     * @param flags {@link #RSA_SHA2_256} or {@link #RSA_SHA2_512} for RSA keys, else 0
     * @return the signature as SSH encodes it: the algorithm name, then the signature blob
     */
    byte[] sign(byte[] keyBlob, byte[] data, int flags) throws IOException {
        var request = new ByteArrayOutputStream();
        var out = new DataOutputStream(request);
        out.writeByte(SIGN_REQUEST);
        writeString(out, keyBlob);
        writeString(out, data);
        out.writeInt(flags);
        return call(request.toByteArray(), SIGN_RESPONSE, "signing").string();
    }

    private Reader call(byte[] request, int expected, String action) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.allocate(4 + request.length).putInt(request.length).put(request).flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            int length = readFully(channel, 4).getInt();
            if (length < 1 || length > MAX_MESSAGE) {
                throw new IOException("the agent at " + socket + " sent a message of " + length + " bytes while "
                        + action);
            }
            ByteBuffer message = readFully(channel, length);
            int type = message.get() & 0xff;
            if (type != expected) {
                throw new IOException("the agent at " + socket + " refused " + action
                        + (type == FAILURE ? "" : " (answer type " + type + ")"));
            }
            return new Reader(message);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the agent")) {
                throw e;
            }
            throw new IOException("the agent at " + socket + " could not be asked (" + e.getMessage() + ")", e);
        }
    }

    private static ByteBuffer readFully(SocketChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the agent closed the connection");
            }
        }
        return buffer.flip();
    }

    private static void writeString(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    /** Reads the SSH wire types of an agent answer, refusing lengths past its end. */
    private record Reader(ByteBuffer buffer) {
        int uint32() throws IOException {
            if (buffer.remaining() < 4) {
                throw new EOFException("the agent's answer is cut short");
            }
            return buffer.getInt();
        }

        byte[] string() throws IOException {
            int length = uint32();
            if (length < 0 || length > buffer.remaining()) {
                throw new EOFException("the agent's answer is cut short");
            }
            byte[] value = new byte[length];
            buffer.get(value);
            return value;
        }
    }

    @Override
    public String toString() {
        return "SshAgent[" + socket + "]";
    }
}
