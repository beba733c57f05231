package dev.mast.plan;

/** The container runtime the kubelet talks to through CRI. */
public enum ContainerRuntime {
    CONTAINERD("containerd", "unix:///run/containerd/containerd.sock", "crictl"),
    /** Docker Engine through cri-dockerd, for clusters that still run Docker. */
    DOCKER("docker", "unix:///run/cri-dockerd.sock", "docker");

    private final String key;
    private final String criSocket;
    private final String cli;

    ContainerRuntime(String key, String criSocket, String cli) {
        this.key = key;
        this.criSocket = criSocket;
        this.cli = cli;
    }

    public String key() {
        return key;
    }

    public String criSocket() {
        return criSocket;
    }

    /** The command a person would use on the node to list containers and read their logs. */
    public String cli() {
        return cli;
    }

    public static ContainerRuntime fromKey(String key) {
        for (ContainerRuntime runtime : values()) {
            if (runtime.key.equals(key)) {
                return runtime;
            }
        }
        throw new IllegalArgumentException("unknown container runtime \"" + key + "\" (expected containerd or docker)");
    }
}
