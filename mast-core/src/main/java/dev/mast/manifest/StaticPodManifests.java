package dev.mast.manifest;

import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static pod manifests of a node: the API server, controller-manager and scheduler on masters,
 * kube-proxy on every Kubernetes node. Pods are built as fabric8 objects and written by fabric8's
 * serialiser, which quotes every flag value correctly, whatever characters it holds.
 */
public final class StaticPodManifests {
    private StaticPodManifests() {
    }

    public static List<StaticPodManifest> forNode(Plan plan, Node node) {
        return forNode(plan, node, Map.of());
    }

    /**
     * @param carriedFlags per component, flags read from the systemd unit an upgrade replaces
     *                     ({@code name -> value}); the plan's extra flags win over them, managed flags
     *                     over both
     * @throws ManifestException if the node is not in the plan or a flag name is not a flag name
     */
    public static List<StaticPodManifest> forNode(Plan plan, Node node, Map<Component, Map<String, String>> carriedFlags) {
        requireInPlan(plan, node);
        var manifests = new ArrayList<StaticPodManifest>();
        for (Component component : node.staticPods()) {
            manifests.add(build(plan, node, component, carriedFlags.getOrDefault(component, Map.of())));
        }
        manifests.sort(Comparator.comparing(StaticPodManifest::path));
        return List.copyOf(manifests);
    }

    private static StaticPodManifest build(Plan plan, Node node, Component component, Map<String, String> carried) {
        var flags = Flags.merge(component, ComponentFlags.forComponent(component, plan, node), Set.of(),
                plan.extraFlags(component), carried);
        return manifest(plan, node, component, flags, ComponentPods.PodFiles.MAST);
    }

    /**
     * The static pod of a component that ran as a systemd service: its unit's flags as they are
     * (the plan's extra flags over them), every file they, its configuration file and its
     * kubeconfigs name mounted in place, the probes where its flags have it serve. Nothing of
     * Mast's own layout is added: the cluster keeps its CA, keys, kubeconfigs and etcd as they are.
     *
     * @param unitFlags   the unit's flags, each with all its values, those the target release removed already dropped
     * @param otherPaths  the files its configuration file and kubeconfigs name
     * @param directories the paths the node says are folders
     */
    public static StaticPodManifest converted(Plan plan, Node node, Component component, Map<String, List<String>> unitFlags,
                                              List<String> otherPaths, Set<String> directories) {
        requireInPlan(plan, node);
        var flags = Flags.converted(component, unitFlags, plan.extraFlags(component));
        return manifest(plan, node, component, flags, new ComponentPods.PodFiles(false, otherPaths, directories, node.internalIp()));
    }

    private static StaticPodManifest manifest(Plan plan, Node node, Component component, Flags flags, ComponentPods.PodFiles files) {
        Pod pod = switch (component) {
            case KUBE_APISERVER -> ComponentPods.apiServer(plan, flags, files);
            case KUBE_CONTROLLER_MANAGER -> ComponentPods.controllerManager(plan, flags, files);
            case KUBE_SCHEDULER -> ComponentPods.scheduler(plan, flags, files);
            case KUBE_PROXY -> ComponentPods.kubeProxy(plan, flags, files);
            case KUBELET, ETCD -> throw new IllegalArgumentException(component.key() + " is not a static pod");
        };
        return new StaticPodManifest(component, node.hostName(), flags.values(), Serialization.asYaml(pod));
    }

    static void requireInPlan(Plan plan, Node node) {
        if (plan.nodes().contains(node)) {
            return;
        }
        boolean sameName = plan.nodes().stream().anyMatch(n -> n.hostName().equals(node.hostName()));
        throw new ManifestException("node \"" + node.hostName() + "\" is not in plan \"" + plan.name() + "\""
                + (sameName ? " as given (the plan's node of that name has other addresses or roles)" : "")
                + "; files can only be rendered for the plan's own nodes");
    }
}
