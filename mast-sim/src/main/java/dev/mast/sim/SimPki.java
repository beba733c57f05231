package dev.mast.sim;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for a simulated cluster that existed before Mast (ECDSA P-256, as kubeadm can
 * make them): CAs, server certificates with their SANs and client certificates with their
 * groups, as PEM text.
 */
public final class SimPki {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key pair and its certificate. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
        public String certificatePem() {
            return pem(certificate);
        }

        /** The private key as openssl and kubeadm write them: SEC1 (with the curve and the public key) for EC, PKCS#1 for RSA. */
        public String keyPem() {
            if (!keys.getPrivate().getAlgorithm().equals("EC")) {
                return pem(keys.getPrivate());
            }
            try {
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
                ECPrivateKey bare = ECPrivateKey.getInstance(info.parsePrivateKey());
                SubjectPublicKeyInfo publicInfo = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
                ECPrivateKey full = new ECPrivateKey(256, bare.getKey(), publicInfo.getPublicKeyData(),
                        info.getPrivateKeyAlgorithm().getParameters());
                return "-----BEGIN EC PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(full.getEncoded())
                        + "\n-----END EC PRIVATE KEY-----\n";
            } catch (IOException e) {
                throw new IllegalStateException("encoding an EC key cannot fail", e);
            }
        }

        public String publicKeyPem() {
            return pem(keys.getPublic());
        }

        @Override
        public String toString() {
            return "Issued[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    private SimPki() {
    }

    public static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has EC P-256", e);
        }
    }

    /** An RSA key pair, as openssl genrsa makes them (and the service-account keys of most clusters are). */
    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has RSA", e);
        }
    }

    public static Issued ca(String commonName) {
        KeyPair keys = keyPair();
        X500Name name = new X500Name("CN=" + commonName);
        return new Issued(keys, sign(name, keys, name, keys, true, List.of(), List.of(), Duration.ofDays(3650)));
    }

    /**
     * @param organization the group of a client certificate ({@code system:masters}), or null
     * @param sans         IP addresses and DNS names of a server certificate
     */
    public static Issued issue(Issued ca, String commonName, String organization, List<String> sans, boolean server) {
        return issue(ca, commonName, organization, sans, server, keyPair());
    }

    /** As above, for a key pair of the caller's (an RSA one, say). */
    public static Issued issue(Issued ca, String commonName, String organization, List<String> sans, boolean server, KeyPair keys) {
        X500Name subject = new X500Name("CN=" + commonName + (organization == null ? "" : ",O=" + organization));
        X500Name issuer = new X500Name(ca.certificate().getSubjectX500Principal().getName());
        List<KeyPurposeId> usages = server ? List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)
                : List.of(KeyPurposeId.id_kp_clientAuth);
        return new Issued(keys, sign(subject, keys, issuer, ca.keys(), false, sans, usages, Duration.ofDays(365)));
    }

    private static X509Certificate sign(X500Name subject, KeyPair keys, X500Name issuer, KeyPair issuerKeys, boolean ca,
                                        List<String> sans, List<KeyPurposeId> usages, Duration validity) {
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(63, RANDOM),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                    ? KeyUsage.keyCertSign | KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                    : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (!usages.isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usages.toArray(KeyPurposeId[]::new)));
            }
            if (!sans.isEmpty()) {
                List<GeneralName> names = new ArrayList<>();
                for (String san : sans) {
                    names.add(new GeneralName(san.matches("[0-9.]+|[0-9a-fA-F:]+:[0-9a-fA-F:]*") ? GeneralName.iPAddress : GeneralName.dNSName, san));
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("signing a certificate for " + subject + " failed", e);
        }
    }

    public static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to a string cannot fail", e);
        }
        return text.toString();
    }
}
