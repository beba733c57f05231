package dev.mast.plan;

import java.util.List;

/** The Kubernetes components Mast configures; the first four run as static pods. */
public enum Component {
    KUBE_APISERVER("kube-apiserver", true),
    KUBE_CONTROLLER_MANAGER("kube-controller-manager", true),
    KUBE_SCHEDULER("kube-scheduler", true),
    KUBE_PROXY("kube-proxy", true),
    KUBELET("kubelet", false),
    ETCD("etcd", false);

    /** What runs on every master, in the order Mast starts and converts it. */
    public static final List<Component> CONTROL_PLANE = List.of(KUBE_APISERVER, KUBE_CONTROLLER_MANAGER, KUBE_SCHEDULER);

    private final String key;
    private final boolean staticPod;

    Component(String key, boolean staticPod) {
        this.key = key;
        this.staticPod = staticPod;
    }

    /** The component's binary, image and systemd unit name, e.g. {@code kube-apiserver}. */
    public String key() {
        return key;
    }

    public boolean isStaticPod() {
        return staticPod;
    }

    public static Component fromKey(String key) {
        for (Component component : values()) {
            if (component.key.equals(key)) {
                return component;
            }
        }
        throw new IllegalArgumentException("unknown component \"" + key + "\"");
    }
}
