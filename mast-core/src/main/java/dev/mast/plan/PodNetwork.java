package dev.mast.plan;

/** The pod network an install applies: flannel, or none when the cluster brings its own CNI plugin. */
public enum PodNetwork {
    FLANNEL("flannel"),
    NONE("none");

    private final String key;

    PodNetwork(String key) {
        this.key = key;
    }

    /** How the plan file writes it. */
    public String key() {
        return key;
    }

    public static PodNetwork fromKey(String key) {
        for (PodNetwork network : values()) {
            if (network.key.equals(key)) {
                return network;
            }
        }
        throw new IllegalArgumentException("unknown pod network \"" + key + "\"");
    }
}
