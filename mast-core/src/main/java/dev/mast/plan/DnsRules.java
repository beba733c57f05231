package dev.mast.plan;

import java.util.Optional;

/**
 * The cluster DNS: its service address must be a free address of the service CIDR (not the
 * network's own, nor the first, which the {@code kubernetes} service takes), and CoreDNS, when
 * Mast applies it, needs at least one replica.
 */
final class DnsRules {
    private static final String PATH = "cluster.clusterDns";

    private DnsRules() {
    }

    static void check(Plan plan, Findings findings) {
        ClusterDns dns = plan.clusterDns();
        if (dns.coreDns() && dns.replicas() < 1) {
            findings.error(PATH + ".replicas", dns.replicas() + " CoreDNS replicas would answer no query; use 1 or more"
                    + " (2 by default), or set coreDns: false to run the cluster's DNS yourself");
        }
        String ip = dns.serviceIp().trim();
        if (ip.isEmpty() || !findings.check(PATH + ".serviceIp", FieldChecks.ipv4(ip))) {
            return;
        }
        Optional<Cidr> services = Cidr.parse(plan.serviceCidr());
        long address = Cidr.parseIpv4(ip).orElseThrow();
        if (services.isEmpty()) {
            return;
        }
        Cidr network = services.get();
        if (!network.overlaps(new Cidr(address, 32))) {
            findings.error(PATH + ".serviceIp", ip + " is outside the service CIDR " + network + "; the DNS service"
                    + " needs an address of it, e.g. " + network.address(10) + " (leave serviceIp out for that one)");
        } else if (reserved(network, ip).isPresent()) {
            findings.error(PATH + ".serviceIp", ip + " is " + reserved(network, ip).get() + "; use another address of "
                    + network + ", e.g. " + network.address(10));
        }
    }

    /** The addresses of a service range no service can have, and why. */
    private static Optional<String> reserved(Cidr network, String ip) {
        if (ip.equals(network.address(0))) {
            return Optional.of("the address of the service network itself");
        }
        if (ip.equals(network.address(1))) {
            return Optional.of("the kubernetes service's address");
        }
        return ip.equals(Cidr.format(network.network() + network.size() - 1)) ? Optional.of("the broadcast address of the service network")
                : Optional.empty();
    }
}
