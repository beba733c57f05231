package dev.mast.plan;

/** Where the etcd nodes get etcd from. */
public enum EtcdSource {
    /** The binary in {@code registry.k8s.io/etcd:<tag>}, the image kubeadm pins for the release, pulled by the node's runtime. */
    IMAGE("image"),
    /** etcd's release tarball of the pinned version, checked against its published checksums. */
    RELEASE("release"),
    /** The distribution's package, whatever version it has (often older than the pinned one). */
    PACKAGE("package");

    private final String key;

    EtcdSource(String key) {
        this.key = key;
    }

    /** How the plan file writes it. */
    public String key() {
        return key;
    }

    public static EtcdSource fromKey(String key) {
        for (EtcdSource source : values()) {
            if (source.key.equals(key)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown etcd source \"" + key + "\"");
    }
}
