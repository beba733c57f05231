package dev.mast.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rules across nodes: unique names and addresses, and the roles a cluster cannot do without. */
final class TopologyRules {
    private TopologyRules() {
    }

    static void check(Plan plan, Findings findings) {
        checkUniqueNames(plan.nodes(), findings);
        checkUniqueAddresses(plan.nodes(), findings);
        checkRoles(plan, findings);
    }

    private static void checkUniqueNames(List<Node> nodes, Findings findings) {
        var firstWith = new HashMap<String, Integer>();
        for (int i = 0; i < nodes.size(); i++) {
            String name = nodes.get(i).hostName();
            Integer first = name.isEmpty() ? null : firstWith.putIfAbsent(name, i);
            if (first != null) {
                findings.error("nodes[" + i + "].hostName", FieldChecks.quote(name) + " is already the host name of nodes["
                        + first + "]; every node needs its own name");
            }
        }
    }

    /** A node's ip and internalIp may be equal; an address of one node may not belong to another. */
    private static void checkUniqueAddresses(List<Node> nodes, Findings findings) {
        Map<String, Integer> owner = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            for (String field : List.of("ip", "internalIp")) {
                String address = field.equals("ip") ? node.ip() : node.internalIp();
                if (address.isEmpty()) {
                    continue;
                }
                Integer other = owner.putIfAbsent(address, i);
                if (other != null && other != i) {
                    findings.error("nodes[" + i + "]." + field, SafeText.brief(address) + " is already an address of nodes[" + other + "] ("
                            + SafeText.brief(nodes.get(other).hostName()) + "); every node needs its own addresses");
                }
            }
        }
    }

    private static void checkRoles(Plan plan, Findings findings) {
        if (plan.masters().isEmpty()) {
            findings.error("nodes", "no node has the master role; give at least one node the master role"
                    + " (it runs kube-apiserver, kube-controller-manager and kube-scheduler)");
        } else if (plan.masters().size() > 1 && plan.controlPlaneEndpoint().isEmpty()) {
            findings.warning("cluster.controlPlaneEndpoint", plan.masters().size() + " nodes have the master role but there is"
                    + " no control plane endpoint: every kubelet, kube-proxy and kubeconfig would talk to "
                    + plan.masters().get(0).hostName() + " alone and lose the API when it is down. Put a load balancer in"
                    + " front of the masters and set controlPlaneEndpoint to it, e.g. lb.example.com:6443");
        }
        int etcd = plan.etcdNodes().size();
        if (etcd == 0) {
            findings.error("nodes", "no node has the etcd role; give 1, 3 or 5 nodes the etcd role (etcd stores the cluster's state)");
        } else if (etcd % 2 == 0) {
            int survives = (etcd - 1) / 2;
            findings.warning("nodes", etcd + " nodes have the etcd role: etcd works only while a majority (quorum)"
                    + " of its members is up, so " + etcd + " members survive " + survives + " failure"
                    + (survives == 1 ? "" : "s") + ", no more than " + (etcd - 1) + " would; the extra member is"
                    + " one more machine that can fail. Use an odd number, e.g. " + (etcd - 1) + " or " + (etcd + 1));
        }
    }
}
