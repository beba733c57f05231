package dev.mast.workflow.phases;

import dev.mast.plan.Component;
import dev.mast.plan.Plan;

/** The health endpoint each static pod component answers on its node, as its probes use it. */
final class ComponentHealth {
    private ComponentHealth() {
    }

    static String url(Plan plan, Component component) {
        return switch (component) {
            case KUBE_APISERVER -> "https://127.0.0.1:" + plan.apiServerPort() + "/livez";
            case KUBE_CONTROLLER_MANAGER -> "https://127.0.0.1:10257/healthz";
            case KUBE_SCHEDULER -> "https://127.0.0.1:10259/healthz";
            case KUBE_PROXY -> "http://127.0.0.1:10256/healthz";
            case KUBELET -> StartKubelet.HEALTH;
            case ETCD -> StartEtcd.HEALTH;
        };
    }

    static String manifestPath(Component component) {
        return "/etc/kubernetes/manifests/" + component.key() + ".yaml";
    }
}
