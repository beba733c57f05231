package dev.mast.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One machine of the cluster.
 *
 * @param hostName        the node name; the kubelet appends it to static pod names
 * @param ip              the address Mast connects to over SSH
 * @param internalIp      the address the components use to talk to each other
 */
public record Node(String hostName, String ip, String internalIp, Set<Role> roles, SshSettings ssh) {
    public Node {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether the node joins the cluster: runs a kubelet and kube-proxy. A node that is only an
     * etcd member does not, as in Kismatic: it would otherwise register as a schedulable node.
     */
    public boolean joinsCluster() {
        return has(Role.MASTER) || has(Role.WORKER) || has(Role.INGRESS);
    }

    /** The components the node runs as static pods: the control plane on a master, then kube-proxy on every node that joins. */
    public List<Component> staticPods() {
        List<Component> components = new ArrayList<>();
        if (has(Role.MASTER)) {
            components.addAll(Component.CONTROL_PLANE);
        }
        if (joinsCluster()) {
            components.add(Component.KUBE_PROXY);
        }
        return List.copyOf(components);
    }

    /** Roles in their natural order, for stable output. */
    public EnumSet<Role> sortedRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Node withHostName(String value) {
        return new Node(value, ip, internalIp, roles, ssh);
    }

    public Node withIp(String value) {
        return new Node(hostName, value, internalIp, roles, ssh);
    }

    public Node withInternalIp(String value) {
        return new Node(hostName, ip, value, roles, ssh);
    }

    public Node withRoles(Set<Role> value) {
        return new Node(hostName, ip, internalIp, value, ssh);
    }

    public Node withSsh(SshSettings value) {
        return new Node(hostName, ip, internalIp, roles, value);
    }
}
