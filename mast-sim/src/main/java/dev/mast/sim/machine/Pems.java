package dev.mast.sim.machine;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * PEM files as the Kubernetes programs read them: certificate bundles, private keys (PKCS#1,
 * SEC1, PKCS#8) and the public keys a service-account key file may hold (a public key, a
 * certificate or a private key, as {@code --service-account-key-file} accepts all three).
 */
public final class Pems {
    private Pems() {
    }

    /** Every certificate in the text, in order; empty when there is none. */
    public static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : objects(pem)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                } catch (CertificateException e) {
                    throw new IllegalArgumentException("a certificate does not parse: " + e.getMessage(), e);
                }
            }
        }
        return certificates;
    }

    /** The first unencrypted private key in the text. */
    public static PrivateKey privateKey(String pem) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            for (Object object : objects(pem)) {
                if (object instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("a private key does not parse: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("no unencrypted private key in the PEM text");
    }

    /** Every public key the text holds, whether as a public key, a certificate or a private key. */
    public static List<PublicKey> publicKeys(String pem) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        List<PublicKey> keys = new ArrayList<>();
        try {
            for (Object object : objects(pem)) {
                if (object instanceof SubjectPublicKeyInfo info) {
                    keys.add(converter.getPublicKey(info));
                } else if (object instanceof X509CertificateHolder holder) {
                    keys.add(converter.getPublicKey(holder.getSubjectPublicKeyInfo()));
                } else if (object instanceof PEMKeyPair pair) {
                    keys.add(converter.getKeyPair(pair).getPublic());
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(publicOf(converter.getPrivateKey(info)));
                }
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("a key does not parse: " + e.getMessage(), e);
        }
        return keys;
    }

    /** The public half of an RSA private key (PKCS#8 keeps no public key for EC, which kube tooling never writes so). */
    private static PublicKey publicOf(PrivateKey key) throws java.security.GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return java.security.KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        }
        throw new java.security.InvalidKeyException("cannot derive the public key of a PKCS#8 " + key.getAlgorithm() + " key");
    }

    /** Whether {@code certificate} is signed by one of {@code authorities} (itself, if it is one of them). */
    public static boolean chainsTo(X509Certificate certificate, List<X509Certificate> authorities) {
        for (X509Certificate authority : authorities) {
            if (authority.equals(certificate)) {
                return true;
            }
            if (!authority.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            try {
                certificate.verify(authority.getPublicKey());
                return true;
            } catch (java.security.GeneralSecurityException e) {
                // Same name, another key: try the next authority.
            }
        }
        return false;
    }

    private static List<Object> objects(String pem) {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                objects.add(object);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not PEM: " + e.getMessage(), e);
        }
        return objects;
    }
}
