package dev.mast.sim.machine;

/**
 * The two container runtimes a kubelet can use through CRI: containerd itself, or Docker
 * Engine through cri-dockerd. Each has its own image and container store.
 */
public enum RuntimeBackend {
    CONTAINERD("unix:///run/containerd/containerd.sock", "containerd"),
    DOCKER("unix:///run/cri-dockerd.sock", "docker");

    private final String endpoint;
    private final String idPrefix;

    RuntimeBackend(String endpoint, String idPrefix) {
        this.endpoint = endpoint;
        this.idPrefix = idPrefix;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The scheme of container IDs in pod status, e.g. {@code containerd://}. */
    public String idPrefix() {
        return idPrefix;
    }

    public static RuntimeBackend ofEndpoint(String endpoint) {
        return endpoint != null && endpoint.contains("dockerd") ? DOCKER : CONTAINERD;
    }

    /** Whether the daemons this runtime needs are running on the machine. */
    public boolean isUp(Machine machine) {
        return this == CONTAINERD ? machine.processes().anyRunning(ComponentKind.CONTAINERD)
                : machine.processes().anyRunning(ComponentKind.DOCKERD) && machine.processes().anyRunning(ComponentKind.CRI_DOCKERD);
    }
}
