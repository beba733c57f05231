package dev.mast.pki;

import dev.mast.plan.Cidr;
import java.util.SortedSet;
import java.util.TreeSet;

/** Collects subject alternative names, sorting each host into a DNS or an IP entry. */
final class SubjectAltNames {
    private final SortedSet<String> dnsNames = new TreeSet<>();
    private final SortedSet<String> ipAddresses = new TreeSet<>();

    /** Adds an IPv4 literal as an IP entry and anything else as a DNS name; blanks are skipped. */
    SubjectAltNames add(String host) {
        if (host == null || host.isBlank()) {
            return this;
        }
        String trimmed = host.trim();
        Cidr.parseIpv4(trimmed).ifPresentOrElse(
                address -> ipAddresses.add(Cidr.format(address)),
                () -> dnsNames.add(trimmed));
        return this;
    }

    SubjectAltNames addAll(String... hosts) {
        for (String host : hosts) {
            add(host);
        }
        return this;
    }

    SortedSet<String> dnsNames() {
        return dnsNames;
    }

    SortedSet<String> ipAddresses() {
        return ipAddresses;
    }
}
