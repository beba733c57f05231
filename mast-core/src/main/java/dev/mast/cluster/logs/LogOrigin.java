package dev.mast.cluster.logs;

/**
 * Where a stream's lines come from, in words for the viewer's source label and the CLI's first
 * line: {@code from the API}, or {@code from containerd on node001, API server unreachable}.
 *
 * @param node      the node whose runtime is read; empty for the API
 * @param runtime   {@code containerd} or {@code docker}; empty for the API
 * @param container the runtime's container ID (short), empty for the API
 * @param reason    why the runtime is read instead of the API, e.g. {@code API server unreachable}; may be empty
 */
public record LogOrigin(Kind kind, String node, String runtime, String container, String reason) {
    /** The API server, or a node's container runtime over SSH. */
    public enum Kind { API, NODE_RUNTIME }

    public static final LogOrigin API = new LogOrigin(Kind.API, "", "", "", "");

    public static LogOrigin nodeRuntime(String node, String runtime, String container, String reason) {
        return new LogOrigin(Kind.NODE_RUNTIME, node, runtime, container, reason);
    }

    public LogOrigin withReason(String value) {
        return new LogOrigin(kind, node, runtime, container, value);
    }

    /** {@code from the API} / {@code from containerd on node001, API server unreachable}. */
    public String describe() {
        if (kind == Kind.API) {
            return "from the API";
        }
        return "from " + runtime + " on " + node + (reason.isEmpty() ? "" : ", " + reason);
    }

    /** Like {@link #describe()}, naming the container: {@code from docker on node002 (container 3b6a1c2d4e5f)}. */
    public String describeWithContainer() {
        if (kind == Kind.API || container.isEmpty()) {
            return describe();
        }
        return "from " + runtime + " on " + node + " (container " + container + ")" + (reason.isEmpty() ? "" : ", " + reason);
    }
}
