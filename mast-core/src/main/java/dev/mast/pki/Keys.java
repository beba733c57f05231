package dev.mast.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Optional;

/**
 * Key generation and checks.
 *
 * <p>Certificates use ECDSA P-256 keys, which kubeadm supports
 * ({@code encryptionAlgorithm: ECDSA-P256}) and every component accepts: a P-256 key is made
 * in well under a millisecond where an RSA 2048 key takes tens to hundreds, and a cluster needs
 * dozens of keys, so first renders and tests stay fast. The service-account key stays RSA 2048
 * like kubeadm's default, since it is made once and RS256 tokens are what every token
 * consumer expects.
 */
final class Keys {
    private static final byte[] PROBE = "mast key check".getBytes(StandardCharsets.US_ASCII);

    private Keys() {
    }

    static KeyPair newCertificateKey(SecureRandom random) {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot make P-256 keys", e);
        }
    }

    static KeyPair newServiceAccountKey(SecureRandom random) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot make RSA keys", e);
        }
    }

    /** SHA-256 with the key's own algorithm; empty for a key type Kubernetes does not use. */
    static Optional<String> signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> Optional.of("SHA256withECDSA");
            case "RSA" -> Optional.of("SHA256withRSA");
            default -> Optional.empty();
        };
    }

    /** The key family: the same EC key is "EC" from the JDK and "ECDSA" from BouncyCastle's converter. */
    private static String family(String algorithm) {
        return algorithm.equals("ECDSA") ? "EC" : algorithm;
    }

    /** True if the private key signs what the public key verifies. */
    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        Optional<String> algorithm = signatureAlgorithm(privateKey);
        if (algorithm.isEmpty() || !family(privateKey.getAlgorithm()).equals(family(publicKey.getAlgorithm()))) {
            return false;
        }
        try {
            var signer = Signature.getInstance(algorithm.get());
            signer.initSign(privateKey);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            var verifier = Signature.getInstance(algorithm.get());
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The public half of an RSA private key, for rebuilding a lost {@code sa.pub}. */
    static Optional<PublicKey> rsaPublicKey(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
