package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hierynomus.sshj.key.KeyAlgorithms;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.signature.Signature;
import org.junit.jupiter.api.Test;

/** Bouncy Castle's Ed25519 makes and checks the very signatures sshj's own does, for keys of either kind. */
class Ed25519SignatureTest {
    private static final byte[] MESSAGE = "the exchange hash of a handshake".getBytes(StandardCharsets.UTF_8);
    private final KeyPair i2pKeys = new net.i2p.crypto.eddsa.KeyPairGenerator().generateKeyPair();

    private static Signature sshj() throws Exception {
        return KeyAlgorithms.EdDSA25519().create().newSignature();
    }

    private static byte[] wire(byte[] signature) {
        return new Buffer.PlainBuffer().putString(Ed25519Signature.NAME).putBytes(signature).getCompactData();
    }

    private static byte[] sign(Signature signature, java.security.PrivateKey key, byte[] message) {
        signature.initSign(key);
        signature.update(message);
        return signature.sign();
    }

    private static boolean verify(Signature signature, java.security.PublicKey key, byte[] message, byte[] signed) {
        signature.initVerify(key);
        signature.update(message, 0, message.length);
        return signature.verify(wire(signed));
    }

    @Test
    void signsAsSshjDoesAndEachChecksTheOthersSignature() throws Exception {
        byte[] ours = sign(new Ed25519Signature(), i2pKeys.getPrivate(), MESSAGE);
        byte[] theirs = sign(sshj(), i2pKeys.getPrivate(), MESSAGE);
        assertArrayEquals(theirs, ours, "Ed25519 signatures are deterministic");
        assertTrue(verify(sshj(), i2pKeys.getPublic(), MESSAGE, ours));
        assertTrue(verify(new Ed25519Signature(), i2pKeys.getPublic(), MESSAGE, theirs));
    }

    @Test
    void aSignatureOfAnotherMessageOrKeyDoesNotVerify() {
        byte[] signed = sign(new Ed25519Signature(), i2pKeys.getPrivate(), MESSAGE);
        byte[] other = MESSAGE.clone();
        other[0] ^= 1;
        assertFalse(verify(new Ed25519Signature(), i2pKeys.getPublic(), other, signed));
        KeyPair stranger = new net.i2p.crypto.eddsa.KeyPairGenerator().generateKeyPair();
        assertFalse(verify(new Ed25519Signature(), stranger.getPublic(), MESSAGE, signed));
        assertFalse(verify(new Ed25519Signature(), i2pKeys.getPublic(), MESSAGE, new byte[63]));
    }

    @Test
    void aSignatureOfAnotherAlgorithmIsRefused() {
        Ed25519Signature signature = new Ed25519Signature();
        signature.initVerify(i2pKeys.getPublic());
        signature.update(MESSAGE);
        byte[] rsa = new Buffer.PlainBuffer().putString("rsa-sha2-256").putBytes(new byte[64]).getCompactData();
        assertThrows(SSHRuntimeException.class, () -> signature.verify(rsa));
    }

    /** Keys the JDK made (an agent's or a provider's) work by their standard encodings. */
    @Test
    void takesTheJdksEd25519KeysToo() throws Exception {
        KeyPair jdkKeys = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(jdkKeys.getPrivate());
        jdk.update(MESSAGE);
        byte[] byJdk = jdk.sign();
        assertTrue(verify(new Ed25519Signature(), jdkKeys.getPublic(), MESSAGE, byJdk));
        assertArrayEquals(byJdk, sign(new Ed25519Signature(), jdkKeys.getPrivate(), MESSAGE));
    }

    @Test
    void isWhatSshjUsesForEd25519OnlyOnceInstalled() throws Exception {
        DefaultConfig config = new DefaultConfig();
        int before = config.getKeyAlgorithms().size();
        Ed25519Signature.install(config);
        assertEquals(before, config.getKeyAlgorithms().size());
        for (var factory : config.getKeyAlgorithms()) {
            Signature signature = factory.create().newSignature();
            assertEquals(factory.getName().equals(Ed25519Signature.NAME), signature instanceof Ed25519Signature, factory.getName());
        }
    }
}
