package dev.mast.cluster;

import dev.mast.node.NodeConnector;
import dev.mast.node.NodeException;
import dev.mast.node.PortForward;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import java.net.URI;
import java.util.Optional;

/**
 * How this machine reaches the API server a kubeconfig names: straight, or, when the plan reaches
 * that address through a jump host, through a local port forward over the jump host's SSH
 * connection, as k0sctl and KubeOne tunnel the API through a bastion.
 */
@FunctionalInterface
public interface ApiRoute {
    /** Straight to the server: a plan without jump hosts, a kubeconfig of the user's own. */
    ApiRoute DIRECT = server -> Optional.empty();

    /** The forward to use for {@code server}, or empty to connect to it straight. */
    Optional<PortForward> forward(URI server) throws NodeException;

    /**
     * The same route as the master's SSH connection: a server that is a master (by address or name)
     * is reached through that master's jump hosts (its {@code ssh.jump}, else ProxyJump of
     * ~/.ssh/config); any other (a load balancer) through the jump hosts of the plan's SSH settings
     * and the configuration for its address. The forward ends at the last jump host, which connects
     * to the server's own address and port, not at the master's 127.0.0.1:6443: a load balancer
     * has no SSH of its own, and a master's API server may listen on its address only; the server
     * is asked exactly as the nodes ask it.
     */
    static ApiRoute throughJumps(Plan plan, NodeConnector connector) {
        return server -> {
            String host = server.getHost().replaceAll("^\\[|]$", ""); // an IPv6 address without its brackets
            int port = server.getPort() < 0 ? 443 : server.getPort();
            Optional<Node> master = plan.masters().stream().filter(node -> host.equals(node.internalIp())
                    || host.equals(node.ip()) || host.equalsIgnoreCase(node.hostName())).findFirst();
            return master.isPresent() ? connector.forwardThroughJumps(master.get(), host, port)
                    : connector.forwardThroughJumps(host, port, plan.ssh());
        };
    }
}
