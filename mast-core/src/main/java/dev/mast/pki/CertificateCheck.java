package dev.mast.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;

/** Decides whether a stored leaf certificate can be reused for a spec, and if not, says why. */
final class CertificateCheck {
    /** A certificate this close to its end is re-issued on the next render rather than left to expire. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private CertificateCheck() {
    }

    /** Empty if {@code stored} still says what {@code spec} asks and is signed by {@code ca}; else the reason. */
    static Optional<String> mismatch(Credential stored, CertificateSpec spec, Credential ca, Instant now) {
        X509Certificate certificate = stored.certificate();
        if (!Keys.matches(stored.privateKey(), certificate.getPublicKey())) {
            return Optional.of("its key does not match the certificate");
        }
        if (!signedBy(certificate, ca.certificate())) {
            return Optional.of("not signed by the current " + ca.name());
        }
        if (!X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).equals(CertificateIssuer.subject(spec))) {
            return Optional.of("subject changed from " + certificate.getSubjectX500Principal().getName());
        }
        Optional<String> sans = sanChange(certificate, spec);
        if (sans.isPresent()) {
            return sans;
        }
        if (!usages(certificate).equals(spec.usages().stream().map(ExtendedUsage::oid).collect(Collectors.toSet()))) {
            return Optional.of("extended key usages changed");
        }
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (notAfter.isBefore(now.plus(RENEW_BEFORE))) {
            return Optional.of((notAfter.isBefore(now) ? "expired on " : "expires on ") + notAfter);
        }
        return Optional.empty();
    }

    static boolean signedBy(X509Certificate certificate, X509Certificate ca) {
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Optional<String> sanChange(X509Certificate certificate, CertificateSpec spec) {
        SortedSet<String> actual = new TreeSet<>(altNames(certificate, DNS_NAME));
        actual.addAll(altNames(certificate, IP_ADDRESS));
        SortedSet<String> wanted = new TreeSet<>(spec.dnsNames());
        wanted.addAll(spec.ipAddresses());
        if (actual.equals(wanted)) {
            return Optional.empty();
        }
        var added = new TreeSet<>(wanted);
        added.removeAll(actual);
        var removed = new TreeSet<>(actual);
        removed.removeAll(wanted);
        return Optional.of("subject alternative names changed"
                + (added.isEmpty() ? "" : ", added " + String.join(" ", added))
                + (removed.isEmpty() ? "" : ", removed " + String.join(" ", removed)));
    }

    static Set<String> altNames(X509Certificate certificate, int type) {
        try {
            var names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return Set.of();
            }
            return names.stream().filter(entry -> ((Integer) entry.get(0)) == type)
                    .map(entry -> String.valueOf(entry.get(1))).collect(Collectors.toSet());
        } catch (CertificateParsingException e) {
            return Set.of();
        }
    }

    private static Set<String> usages(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages == null ? Set.of() : Set.copyOf(usages);
        } catch (CertificateParsingException e) {
            return Set.of();
        }
    }
}
