package dev.mast.manifest;

import dev.mast.plan.Component;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plans built in code with fixed values, so the tests do not depend on the plan file reader. */
final class TestPlans {
    private TestPlans() {
    }

    static final SshSettings SSH = new SshSettings("mast", 22, "~/.ssh/id_ed25519");

    /** Three masters that are also the etcd members, two workers, a few extra flags. */
    static Plan threeMasters() {
        var nodes = List.of(
                node("master1", "203.0.113.11", "10.10.0.11", Role.ETCD, Role.MASTER),
                node("master2", "203.0.113.12", "10.10.0.12", Role.ETCD, Role.MASTER),
                node("master3", "203.0.113.13", "10.10.0.13", Role.ETCD, Role.MASTER),
                node("worker1", "203.0.113.21", "10.10.0.21", Role.WORKER),
                node("worker2", "203.0.113.22", "10.10.0.22", Role.WORKER));
        var extra = new LinkedHashMap<Component, Map<String, String>>();
        extra.put(Component.KUBE_APISERVER, Map.of("audit-log-maxage", "30", "audit-log-path", "/var/log/kubernetes/audit.log"));
        extra.put(Component.KUBELET, Map.of("max-pods", "150"));
        extra.put(Component.ETCD, Map.of("quota-backend-bytes", "8589934592"));
        return new Plan("prod-east", "1.33.7", ContainerRuntime.CONTAINERD, "10.244.0.0/16", "10.96.0.0/12",
                "cluster.local", 6443, "", nodes, extra);
    }

    static Node node(String hostName, String ip, String internalIp, Role... roles) {
        return new Node(hostName, ip, internalIp, Set.of(roles), SSH);
    }

    static Node named(Plan plan, String hostName) {
        return plan.nodes().stream().filter(n -> n.hostName().equals(hostName)).findFirst().orElseThrow();
    }
}
