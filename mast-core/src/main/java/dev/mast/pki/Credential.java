package dev.mast.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * A certificate and its private key, with the exact PEM text they are stored as, so that a
 * reused credential is written to nodes byte for byte as it was read.
 *
 * @param name the name of its {@link CertificateSpec}
 */
public record Credential(String name, X509Certificate certificate, PrivateKey privateKey,
                         String certificatePem, String privateKeyPem) {

    /** The subject CN, which is also the user name the API server sees. */
    public String commonName() {
        var rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "Credential[" + name + ", " + certificate.getSubjectX500Principal().getName()
                + ", valid until " + certificate.getNotAfter().toInstant() + "]";
    }
}
