package dev.mast.sim.machine;

import java.util.Locale;

/**
 * What a simulated process behaves as, recognised by its binary (systemd) or its image
 * (static pod). Unknown programs are {@link #GENERIC}: they run and log, but listen nowhere.
 */
public enum ComponentKind {
    KUBE_APISERVER("kube-apiserver"),
    KUBE_CONTROLLER_MANAGER("kube-controller-manager"),
    KUBE_SCHEDULER("kube-scheduler"),
    KUBE_PROXY("kube-proxy"),
    ETCD("etcd"),
    KUBELET("kubelet"),
    CONTAINERD("containerd"),
    DOCKERD("dockerd"),
    CRI_DOCKERD("cri-dockerd"),
    GENERIC("");

    private final String key;

    ComponentKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** By the program path of a command line, e.g. {@code /usr/local/bin/etcd}. */
    public static ComponentKind ofBinary(String program) {
        String name = program.substring(program.lastIndexOf('/') + 1);
        for (ComponentKind kind : values()) {
            if (kind != GENERIC && kind.key.equals(name)) {
                return kind;
            }
        }
        return GENERIC;
    }

    /** By an image reference, e.g. {@code registry.k8s.io/kube-apiserver:v1.34.3}. */
    public static ComponentKind ofImage(String image) {
        String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = repository.lastIndexOf(':');
        if (colon > repository.lastIndexOf('/')) {
            repository = repository.substring(0, colon);
        }
        String name = repository.substring(repository.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return ofBinary(name.replaceFirst("-(amd64|arm64)$", ""));
    }
}
