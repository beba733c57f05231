package dev.mast.pki;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * PEM text in and out. Written keys are PKCS#8 ({@code PRIVATE KEY}), which every Kubernetes
 * component and etcd accept; read keys may also be PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1
 * ({@code EC PRIVATE KEY}) as kubeadm and openssl write them, so an existing PKI can be adopted.
 * Lines end in {@code \n} on every platform because the files go to Linux nodes.
 */
final class Pem {
    private Pem() {
    }

    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static String certificate(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    static String privateKey(PrivateKey key) {
        return encode("PRIVATE KEY", key.getEncoded());
    }

    static String publicKey(PublicKey key) {
        return encode("PUBLIC KEY", key.getEncoded());
    }

    static X509Certificate parseCertificate(Path file, String text) {
        Object object = firstObject(file, text, "certificate");
        if (!(object instanceof X509CertificateHolder holder)) {
            throw new PkiException(file, "expected a PEM certificate but found " + describe(object));
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new PkiException(file, "is not a valid X.509 certificate", e);
        }
    }

    /** Never chains the parser's exception: it might quote the key. */
    static PrivateKey parsePrivateKey(Path file, String text) {
        Object object = firstObject(file, text, "private key");
        var converter = new JcaPEMKeyConverter();
        try {
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new PkiException(file, "holds a private key Mast cannot read (only unencrypted RSA and EC keys are supported)");
        }
        throw new PkiException(file, "expected an unencrypted PEM private key but found " + describe(object));
    }

    static PublicKey parsePublicKey(Path file, String text) {
        Object object = firstObject(file, text, "public key");
        if (!(object instanceof SubjectPublicKeyInfo info)) {
            throw new PkiException(file, "expected a PEM public key but found " + describe(object));
        }
        try {
            return new JcaPEMKeyConverter().getPublicKey(info);
        } catch (IOException e) {
            throw new PkiException(file, "holds a public key Mast cannot read", e);
        }
    }

    /** The first PEM object, skipping the {@code EC PARAMETERS} block openssl puts before EC keys. */
    private static Object firstObject(Path file, String text, String expected) {
        try (var parser = new PEMParser(new StringReader(text))) {
            Object object = parser.readObject();
            while (object instanceof org.bouncycastle.asn1.ASN1ObjectIdentifier
                    || object instanceof org.bouncycastle.asn1.x9.X9ECParameters) {
                object = parser.readObject();
            }
            if (object == null) {
                throw new PkiException(file, "contains no PEM " + expected);
            }
            return object;
        } catch (IOException | RuntimeException e) {
            if (e instanceof PkiException pki) {
                throw pki;
            }
            throw new PkiException(file, "is not valid PEM (expected a " + expected + ")");
        }
    }

    private static String describe(Object object) {
        if (object instanceof X509CertificateHolder) {
            return "a certificate";
        }
        if (object instanceof PEMKeyPair || object instanceof PrivateKeyInfo) {
            return "a private key";
        }
        if (object instanceof SubjectPublicKeyInfo) {
            return "a public key";
        }
        if (object instanceof org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo
                || object instanceof org.bouncycastle.openssl.PEMEncryptedKeyPair) {
            return "an encrypted private key (decrypt it first: Kubernetes components cannot read it either)";
        }
        return "something else (" + object.getClass().getSimpleName() + ")";
    }
}
