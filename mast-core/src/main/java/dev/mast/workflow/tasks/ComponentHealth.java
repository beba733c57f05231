package dev.mast.workflow.tasks;

import dev.mast.plan.Component;
import dev.mast.plan.Plan;

/** The health endpoint each component answers on its node, as its probes use it, and where its static pod's manifest is. */
public final class ComponentHealth {
    public static final String KUBELET = "http://127.0.0.1:10248/healthz";
    public static final String ETCD = "http://127.0.0.1:2381/health";

    private ComponentHealth() {
    }

    public static String url(Plan plan, Component component) {
        return switch (component) {
            case KUBE_APISERVER -> "https://127.0.0.1:" + plan.apiServerPort() + "/livez";
            case KUBE_CONTROLLER_MANAGER -> "https://127.0.0.1:10257/healthz";
            case KUBE_SCHEDULER -> "https://127.0.0.1:10259/healthz";
            case KUBE_PROXY -> "http://127.0.0.1:10256/healthz";
            case KUBELET -> KUBELET;
            case ETCD -> ETCD;
        };
    }

    public static String manifestPath(Component component) {
        return "/etc/kubernetes/manifests/" + component.key() + ".yaml";
    }
}
