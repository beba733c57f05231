package dev.mast.sim.machine;

import java.util.List;

/**
 * A TCP port a component listens on, and what its health paths answer there.
 *
 * @param bindAddress {@code 0.0.0.0} for all addresses, else one address
 * @param scheme      {@code http} or {@code https}
 */
public record Endpoint(String bindAddress, int port, String scheme, List<String> healthPaths, String healthBody) {
    public Endpoint {
        healthPaths = List.copyOf(healthPaths);
    }

    public boolean isWildcard() {
        return bindAddress.isEmpty() || bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("[::]");
    }

    /** Whether a connection to {@code host} on this node reaches this endpoint. */
    public boolean accepts(String host, boolean fromSameNode, String nodeAddress) {
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
        if (loopback && !fromSameNode) {
            return false;
        }
        if (isWildcard()) {
            return loopback || host.equals(nodeAddress);
        }
        String bound = bindAddress.equals("localhost") ? "127.0.0.1" : bindAddress;
        return bound.equals(loopback ? "127.0.0.1" : host);
    }

    /** The local address column of {@code ss -ltn}. */
    public String ssLocal() {
        return (isWildcard() ? "*" : bindAddress.equals("localhost") ? "127.0.0.1" : bindAddress) + ":" + port;
    }
}
