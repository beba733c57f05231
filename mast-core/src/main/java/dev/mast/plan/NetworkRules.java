package dev.mast.plan;

import java.util.List;
import java.util.Optional;

/**
 * The pod and service networks: each a valid CIDR of a size the components accept, not
 * overlapping each other, and not containing the nodes' own addresses.
 */
final class NetworkRules {
    /** kube-apiserver refuses an IPv4 service range larger than a /12 (2^20 addresses). */
    static final int LARGEST_SERVICE_PREFIX = 12;
    /** The cluster DNS takes the tenth address; a /28 (16 addresses) is the smallest sensible range. */
    static final int SMALLEST_SERVICE_PREFIX = 28;
    /** kube-controller-manager's default --node-cidr-mask-size: each node gets a /24 of the pod CIDR. */
    static final int DEFAULT_NODE_MASK = 24;

    private NetworkRules() {
    }

    static void check(Plan plan, Findings findings) {
        Optional<Cidr> pods = valid("cluster.podCidr", plan.podCidr(), findings);
        Optional<Cidr> services = valid("cluster.serviceCidr", plan.serviceCidr(), findings);
        services.ifPresent(s -> checkServiceSize(s, findings));
        pods.ifPresent(p -> checkPodSize(p, plan, findings));
        if (pods.isPresent() && services.isPresent() && pods.get().overlaps(services.get())) {
            findings.error("cluster.serviceCidr", "service CIDR " + services.get() + " overlaps the pod CIDR " + pods.get()
                    + "; pods and services need separate address ranges, e.g. 10.244.0.0/16 and 10.96.0.0/12");
        }
        for (int i = 0; i < plan.nodes().size(); i++) {
            Node node = plan.nodes().get(i);
            String path = "nodes[" + i + "]";
            for (String field : node.internalIp().equals(node.ip()) ? List.of("ip") : List.of("ip", "internalIp")) {
                String address = field.equals("ip") ? node.ip() : node.internalIp();
                warnIfInside(path + "." + field, address, pods, "pod", findings);
                warnIfInside(path + "." + field, address, services, "service", findings);
            }
        }
    }

    private static Optional<Cidr> valid(String path, String value, Findings findings) {
        return findings.check(path, FieldChecks.cidr(value)) ? Cidr.parse(value) : Optional.empty();
    }

    private static void checkServiceSize(Cidr services, Findings findings) {
        if (services.prefix() < LARGEST_SERVICE_PREFIX) {
            findings.error("cluster.serviceCidr", "service CIDR /" + services.prefix() + " is larger than /"
                    + LARGEST_SERVICE_PREFIX + ", the largest kube-apiserver accepts for IPv4; use a /12 or smaller network");
        } else if (services.prefix() > SMALLEST_SERVICE_PREFIX) {
            findings.error("cluster.serviceCidr", "service CIDR /" + services.prefix() + " has only " + services.size()
                    + " addresses, too few for the services of the cluster (the cluster DNS alone takes the tenth);"
                    + " use at least a /" + SMALLEST_SERVICE_PREFIX + " (16 addresses)");
        }
    }

    /** Each node needs a whole /24 (or the mask set in extra flags) out of the pod CIDR. */
    private static void checkPodSize(Cidr pods, Plan plan, Findings findings) {
        int nodeMask = nodeMask(plan);
        if (pods.prefix() > nodeMask) {
            findings.error("cluster.podCidr", "pod CIDR /" + pods.prefix() + " is smaller than the /" + nodeMask
                    + " that kube-controller-manager gives each node; use a /" + nodeMask + " or larger network");
            return;
        }
        long room = 1L << (nodeMask - pods.prefix());
        if (room < plan.nodes().size()) {
            findings.error("cluster.podCidr", "pod CIDR " + pods + " has room for " + room + " nodes (a /" + nodeMask
                    + " each) but the plan has " + plan.nodes().size() + "; use a larger network");
        }
    }

    private static int nodeMask(Plan plan) {
        String flag = plan.extraFlags(Component.KUBE_CONTROLLER_MANAGER).getOrDefault("node-cidr-mask-size", "");
        return flag.matches("\\d{1,2}") && Integer.parseInt(flag) <= 32 ? Integer.parseInt(flag) : DEFAULT_NODE_MASK;
    }

    private static void warnIfInside(String path, String address, Optional<Cidr> network, String kind, Findings findings) {
        Optional<Long> value = Cidr.parseIpv4(address);
        if (value.isPresent() && network.isPresent() && network.get().overlaps(new Cidr(value.get(), 32))) {
            findings.warning(path, address + " lies inside the " + kind + " CIDR " + network.get()
                    + "; traffic to this node would be routed as " + kind + " traffic. Choose a " + kind
                    + " CIDR that does not contain the nodes' addresses");
        }
    }
}
