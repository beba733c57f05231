package dev.mast.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues certificates the way kubeadm's {@code pkiutil} does: random positive serials,
 * basicConstraints and keyUsage critical, extended key usages and SANs from the spec,
 * subject and authority key identifiers. Validity starts a few minutes in the past so that a
 * node whose clock is slightly behind still accepts a certificate made a moment ago.
 */
final class CertificateIssuer {
    /** How far notBefore is backdated, as kubeadm does (its {@code CertificateBackdate}). */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private final Clock clock;
    private final SecureRandom random;

    CertificateIssuer(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    Credential selfSignedCa(CertificateSpec spec) {
        KeyPair keys = Keys.newCertificateKey(random);
        Instant now = now();
        var builder = new JcaX509v3CertificateBuilder(subject(spec), serial(), Date.from(now.minus(BACKDATE)),
                Date.from(now.plus(spec.validity())), subject(spec), keys.getPublic());
        try {
            var utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage(keys.getPublic(), true)));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            addAltNames(builder, spec);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build CA certificate " + spec.name(), e);
        }
        return sign(spec, builder, keys, keys.getPrivate());
    }

    Credential issue(CertificateSpec spec, Credential ca) {
        KeyPair keys = Keys.newCertificateKey(random);
        Instant now = now();
        Instant notAfter = now.plus(spec.validity());
        Instant caNotAfter = ca.certificate().getNotAfter().toInstant();
        if (notAfter.isAfter(caNotAfter)) {
            notAfter = caNotAfter; // a certificate cannot outlive the CA that vouches for it
        }
        // The issuer is copied from the CA's encoded subject, so chains match byte for byte even for an adopted CA.
        var issuerName = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        var builder = new JcaX509v3CertificateBuilder(issuerName, serial(), Date.from(now.minus(BACKDATE)),
                Date.from(notAfter), subject(spec), keys.getPublic());
        try {
            var utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage(keys.getPublic(), false)));
            if (!spec.usages().isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        spec.usages().stream().map(ExtendedUsage::purpose).toArray(KeyPurposeId[]::new)));
            }
            addAltNames(builder, spec);
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            byte[] caKeyId = subjectKeyId(ca.certificate());
            if (caKeyId != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(caKeyId));
            }
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build certificate " + spec.name(), e);
        }
        return sign(spec, builder, keys, ca.privateKey());
    }

    private Credential sign(CertificateSpec spec, X509v3CertificateBuilder builder, KeyPair keys, PrivateKey signingKey) {
        String algorithm = Keys.signatureAlgorithm(signingKey).orElseThrow(() -> new IllegalStateException(
                "cannot sign " + spec.name() + " with a " + signingKey.getAlgorithm() + " CA key"));
        try {
            var signer = new JcaContentSignerBuilder(algorithm).build(signingKey);
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new Credential(spec.name(), certificate, keys.getPrivate(),
                    Pem.certificate(certificate), Pem.privateKey(keys.getPrivate()));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign certificate " + spec.name(), e);
        }
    }

    /** X.509 times have whole seconds; truncating keeps what we compute equal to what we read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Random in [1, 2^63), like kubeadm. */
    private BigInteger serial() {
        BigInteger serial;
        do {
            serial = new BigInteger(63, random);
        } while (serial.signum() == 0);
        return serial;
    }

    /** O before CN, the order Go writes a subject in. */
    static X500Name subject(CertificateSpec spec) {
        var name = new X500NameBuilder(BCStyle.INSTANCE);
        for (String organization : spec.organizations()) {
            name.addRDN(BCStyle.O, organization);
        }
        name.addRDN(BCStyle.CN, spec.commonName());
        return name.build();
    }

    /** keyEncipherment only means something for RSA keys; ECDSA keys only sign. */
    private static int keyUsage(PublicKey key, boolean ca) {
        int usage = KeyUsage.digitalSignature;
        if ("RSA".equals(key.getAlgorithm())) {
            usage |= KeyUsage.keyEncipherment;
        }
        return ca ? usage | KeyUsage.keyCertSign : usage;
    }

    private static void addAltNames(X509v3CertificateBuilder builder, CertificateSpec spec) throws CertIOException {
        List<GeneralName> names = new ArrayList<>();
        spec.dnsNames().forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
        spec.ipAddresses().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        if (!names.isEmpty()) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
        }
    }

    private static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (extension == null) {
            return null;
        }
        return ASN1OctetString.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getOctets();
    }
}
