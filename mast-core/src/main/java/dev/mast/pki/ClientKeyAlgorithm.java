package dev.mast.pki;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The algorithm of a kubeconfig's client key, as fabric8 wants it told: fabric8 reads a PKCS#8
 * key ({@code PRIVATE KEY}) as RSA unless told otherwise, and Mast's certificates have ECDSA keys.
 */
public final class ClientKeyAlgorithm {
    private ClientKeyAlgorithm() {
    }

    /** "EC" or "RSA" for a PEM private key (PKCS#8, SEC1 or PKCS#1). */
    public static String ofPem(String pem) {
        if (pem.contains("BEGIN EC PRIVATE KEY")) {
            return "EC";
        }
        if (!pem.contains("BEGIN PRIVATE KEY")) {
            return "RSA";
        }
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return "EC";
        } catch (Exception notEc) {
            return "RSA";
        }
    }

    /** The same for a kubeconfig's {@code client-key-data} (base64 of the PEM text). */
    public static String ofKeyData(String base64Pem) {
        return ofPem(new String(Base64.getDecoder().decode(base64Pem.trim()), StandardCharsets.US_ASCII));
    }
}
