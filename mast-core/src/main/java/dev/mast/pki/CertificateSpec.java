package dev.mast.pki;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one certificate must say, like an entry of kubeadm's {@code certlist.go}. A stored
 * certificate is reused while it still says this; otherwise it is re-issued.
 *
 * @param name        where it lives in the PKI folder, without extension ({@code etcd/ca}, {@code apiserver})
 * @param issuer      the name of the CA that signs it; a CA names itself
 * @param commonName  the subject CN, which the API server takes as the user name
 * @param organizations the subject O values, which the API server takes as groups
 * @param usages      extended key usages; empty for a CA
 * @param dnsNames    DNS subject alternative names
 * @param ipAddresses IP subject alternative names, in dotted form
 * @param validity    how long a newly issued certificate is valid
 */
public record CertificateSpec(
        String name,
        String issuer,
        String commonName,
        List<String> organizations,
        Set<ExtendedUsage> usages,
        SortedSet<String> dnsNames,
        SortedSet<String> ipAddresses,
        Duration validity) {

    /** kubeadm's CA lifetime. */
    public static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** kubeadm's lifetime of every other certificate. */
    public static final Duration LEAF_VALIDITY = Duration.ofDays(365);

    public CertificateSpec {
        organizations = List.copyOf(organizations);
        usages = usages.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(usages));
        dnsNames = Collections.unmodifiableSortedSet(new TreeSet<>(dnsNames));
        ipAddresses = Collections.unmodifiableSortedSet(new TreeSet<>(ipAddresses));
    }

    /** A self-signed CA; like kubeadm's it also carries its CN as a DNS name. */
    public static CertificateSpec ca(String name, String commonName) {
        return new CertificateSpec(name, name, commonName, List.of(), Set.of(),
                new TreeSet<>(Set.of(commonName)), new TreeSet<>(), CA_VALIDITY);
    }

    /** A client certificate signed by {@code issuer}. */
    public static CertificateSpec client(String name, String issuer, String commonName, List<String> organizations) {
        return new CertificateSpec(name, issuer, commonName, organizations, EnumSet.of(ExtendedUsage.CLIENT_AUTH),
                new TreeSet<>(), new TreeSet<>(), LEAF_VALIDITY);
    }

    /** A certificate with subject alternative names, for servers (and etcd members, which are also clients). */
    static CertificateSpec server(String name, String issuer, String commonName, Set<ExtendedUsage> usages,
                                         SubjectAltNames altNames) {
        return new CertificateSpec(name, issuer, commonName, List.of(), usages,
                altNames.dnsNames(), altNames.ipAddresses(), LEAF_VALIDITY);
    }

    public boolean isCa() {
        return issuer.equals(name);
    }
}
