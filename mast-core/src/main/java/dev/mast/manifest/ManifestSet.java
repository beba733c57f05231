package dev.mast.manifest;

import dev.mast.files.NodeFile;
import dev.mast.plan.Component;
import dev.mast.plan.EtcdSource;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every non-PKI file Mast writes to one node, the single entry point that {@code mast render}, the
 * preview and the installer share:
 * <ul>
 *   <li>masters: the API server, controller-manager and scheduler manifests;</li>
 *   <li>every Kubernetes node (master, worker, ingress): the kube-proxy manifest and the kubelet's
 *       configuration, unit and drop-in;</li>
 *   <li>every node with a container runtime (and an etcd node that takes etcd out of its image): the
 *       runtime's configuration ({@link RuntimeFiles});</li>
 *   <li>etcd nodes: the etcd unit.</li>
 * </ul>
 * All files are public (mode 0644); none holds a secret.
 */
public final class ManifestSet {
    private ManifestSet() {
    }

    /**
     * Whether Mast installs a container runtime on the node: every Kubernetes node, and an etcd node that takes etcd
     * out of its image, which the runtime pulls.
     */
    public static boolean hasRuntime(Plan plan, Node node) {
        return node.joinsCluster()
                || node.has(Role.ETCD) && plan.sources().etcd() == EtcdSource.IMAGE;
    }

    public static List<NodeFile> filesFor(Plan plan, Node node) {
        return filesFor(plan, node, Map.of());
    }

    /**
     * @param carriedFlags per component, flags read from the systemd units an upgrade replaces; they
     *                     merge under the plan's extra flags and under Mast's own
     * @return the files sorted by path
     * @throws ManifestException if the node is not in the plan or a flag cannot be written
     */
    public static List<NodeFile> filesFor(Plan plan, Node node, Map<Component, Map<String, String>> carriedFlags) {
        StaticPodManifests.requireInPlan(plan, node);
        var files = new ArrayList<NodeFile>();
        StaticPodManifests.forNode(plan, node, carriedFlags).forEach(m -> files.add(m.toNodeFile()));
        if (node.joinsCluster()) {
            files.addAll(KubeletFiles.forNode(plan, node, carriedFlags.getOrDefault(Component.KUBELET, Map.of())));
        }
        if (hasRuntime(plan, node)) {
            files.addAll(RuntimeFiles.forNode(plan));
        }
        EtcdUnit.forNode(plan, node, carriedFlags.getOrDefault(Component.ETCD, Map.of())).ifPresent(files::add);
        files.sort(Comparator.comparing(NodeFile::path));
        return List.copyOf(files);
    }
}
