package dev.mast.node;

import com.hierynomus.sshj.key.KeyAlgorithms;
import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.signature.Signature;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * {@code ssh-ed25519} signatures (RFC 8709) made and checked with Bouncy Castle's Ed25519 rather than
 * sshj's own (net.i2p EdDSA): the same bytes, for about a third of the CPU. Checking the node's host
 * key and signing the login were ~40% of the CPU of a handshake, and a run opens one per node.
 */
final class Ed25519Signature implements Signature {
    static final String NAME = "ssh-ed25519";
    /** X.509 SubjectPublicKeyInfo and PKCS#8 (RFC 8410) encodings of Ed25519 keys end with the 32 raw key bytes. */
    private static final int ENCODED_PUBLIC = 44;
    private static final int ENCODED_PRIVATE = 48;

    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private byte[] publicKey;
    private byte[] seed;

    /** Makes sshj use this for {@code ssh-ed25519} host keys and login keys; the other algorithms stay as they are. */
    static void install(Config config) {
        List<Factory.Named<com.hierynomus.sshj.key.KeyAlgorithm>> algorithms = config.getKeyAlgorithms().stream()
                .map(factory -> factory.getName().equals(NAME) ? faster() : factory).toList();
        config.setKeyAlgorithms(algorithms);
    }

    private static Factory.Named<com.hierynomus.sshj.key.KeyAlgorithm> faster() {
        return new KeyAlgorithms.Factory(NAME, new Factory.Named<>() {
            @Override
            public Signature create() {
                return new Ed25519Signature();
            }

            @Override
            public String getName() {
                return NAME;
            }
        }, KeyType.ED25519);
    }

    @Override
    public String getSignatureName() {
        return NAME;
    }

    @Override
    public void initVerify(PublicKey key) {
        publicKey = tail(key.getEncoded(), ENCODED_PUBLIC, key);
        message.reset();
    }

    @Override
    public void initSign(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        try {
            seed = tail(encoded, ENCODED_PRIVATE, key);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
        message.reset();
    }

    /**
     * The raw key at the end of its standard encoding (both raw keys are 32 bytes): sshj's keys (net.i2p) and the
     * JDK's encode the same way.
     */
    private static byte[] tail(byte[] encoded, int length, java.security.Key key) {
        if (encoded == null || encoded.length != length) {
            throw new SSHRuntimeException("not an Ed25519 key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(encoded, length - Ed25519.SECRET_KEY_SIZE, length);
    }

    @Override
    public void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        message.write(bytes, offset, length);
    }

    /** The 64-byte signature of what was given since {@link #initSign}; the key's seed is forgotten. */
    @Override
    public byte[] sign() {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        byte[] signed = message.toByteArray();
        try {
            Ed25519.sign(seed, 0, signed, 0, signed.length, signature, 0);
        } finally {
            Arrays.fill(seed, (byte) 0);
            seed = null;
        }
        return signature;
    }

    /** Ed25519 signatures go on the wire as they are. */
    @Override
    public byte[] encode(byte[] signature) {
        return signature;
    }

    /** @param signature as the wire has it: the algorithm's name, then the 64 bytes */
    @Override
    public boolean verify(byte[] signature) {
        byte[] raw;
        try {
            Buffer.PlainBuffer wire = new Buffer.PlainBuffer(signature);
            String algorithm = wire.readString();
            if (!NAME.equals(algorithm)) {
                throw new SSHRuntimeException("Expected '" + NAME + "' key algorithm, but got: " + algorithm);
            }
            raw = wire.readBytes();
        } catch (Buffer.BufferException e) {
            throw new SSHRuntimeException(e);
        }
        byte[] signed = message.toByteArray();
        return raw.length == Ed25519.SIGNATURE_SIZE && Ed25519.verify(raw, 0, publicKey, 0, signed, 0, signed.length);
    }
}
