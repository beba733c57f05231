package dev.mast.plan;

/** Where the nodes get the Kubernetes programs (kubelet, kubectl, crictl, the CNI plugins) from. */
public enum ProgramSource {
    /** Kubernetes' own package repositories ({@code pkgs.k8s.io}), the exact version installed and held. */
    PACKAGES("packages"),
    /** The release binaries ({@code dl.k8s.io}), checked against their published checksums, with Mast's own kubelet unit. */
    BINARIES("binaries");

    private final String key;

    ProgramSource(String key) {
        this.key = key;
    }

    /** How the plan file writes it. */
    public String key() {
        return key;
    }

    public static ProgramSource fromKey(String key) {
        for (ProgramSource source : values()) {
            if (source.key.equals(key)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown source of the Kubernetes programs \"" + key + "\"");
    }
}
