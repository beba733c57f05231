package dev.mast.workflow;

import dev.mast.manifest.ManifestSet;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;

/** The nodes a phase runs on, by the roles the plan gives them. */
public enum Targets {
    EVERY_NODE("every node"),
    /** The nodes that run a kubelet and kube-proxy ({@link Node#joinsCluster()}). */
    CLUSTER_NODES("every node that joins the cluster"),
    /** The nodes with a container runtime ({@link ManifestSet#hasRuntime}): those that join, and etcd members that take etcd out of its image. */
    RUNTIME_NODES("every node with a container runtime"),
    MASTERS("every master"),
    ETCD_MEMBERS("every etcd member"),
    /** The plan's first master, which speaks for the cluster (its API, its CA). */
    FIRST_MASTER("the first master");

    private final String description;

    Targets(String description) {
        this.description = description;
    }

    public boolean includes(Plan plan, Node node) {
        return switch (this) {
            case EVERY_NODE -> true;
            case CLUSTER_NODES -> node.joinsCluster();
            case RUNTIME_NODES -> ManifestSet.hasRuntime(plan, node);
            case MASTERS -> node.has(Role.MASTER);
            case ETCD_MEMBERS -> node.has(Role.ETCD);
            case FIRST_MASTER -> !plan.masters().isEmpty() && plan.masters().get(0).hostName().equals(node.hostName());
        };
    }

    public String describe() {
        return description;
    }
}
