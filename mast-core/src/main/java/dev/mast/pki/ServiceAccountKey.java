package dev.mast.pki;

/**
 * The key pair the API server signs and verifies service-account tokens with
 * ({@code sa.key}, {@code sa.pub}); not a certificate, as in kubeadm.
 */
public record ServiceAccountKey(String privateKeyPem, String publicKeyPem) {

    /** Never shows the key. */
    @Override
    public String toString() {
        return "ServiceAccountKey[sa.key, sa.pub]";
    }
}
