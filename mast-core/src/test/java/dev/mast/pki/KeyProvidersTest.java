package dev.mast.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** A key read by BouncyCastle ("ECDSA") still matches the JDK's public key ("EC") of the same pair. */
class KeyProvidersTest {

    @Test
    void matchesAnEcKeyPairWhicheverProviderReadEachHalf() throws Exception {
        var pair = Keys.newCertificateKey(new SecureRandom());
        PrivateKey bouncyCastle = KeyFactory.getInstance("ECDSA", new BouncyCastleProvider())
                .generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));
        assertEquals("ECDSA", bouncyCastle.getAlgorithm());
        assertEquals("EC", pair.getPublic().getAlgorithm());
        assertTrue(Keys.matches(bouncyCastle, pair.getPublic()));
        assertFalse(Keys.matches(bouncyCastle, Keys.newCertificateKey(new SecureRandom()).getPublic()));
    }
}
