package dev.mast.workflow.phases;

import dev.mast.plan.ContainerRuntime;
import dev.mast.manifest.ManifestSet;
import dev.mast.render.RenderedCluster;
import dev.mast.sources.RegistryMirror;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.NodeFile;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Phase;
import dev.mast.workflow.RemoteFiles;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Installs and starts the container runtime (containerd, or Docker with cri-dockerd) and turns
 * on IP forwarding, which pod networking needs. Both stay systemd services.
 */
public final class InstallContainerRuntime implements Phase {
    static final NodeFile SYSCTL = NodeFile.text("/etc/sysctl.d/99-kubernetes.conf", "net.ipv4.ip_forward = 1\n", NodeFile.PUBLIC);

    private final RenderedCluster rendered;

    public InstallContainerRuntime(RenderedCluster rendered) {
        this.rendered = rendered;
    }

    /** The runtime's rendered files: the hosts of a registry that stands in for registry.k8s.io, and IP forwarding. */
    private List<NodeFile> files(Node node) {
        var files = new java.util.ArrayList<>(rendered.filesFor(node.hostName(), RegistryMirror.HOSTS_DIR + "/"));
        files.add(SYSCTL);
        return files;
    }

    @Override
    public String id() {
        return "runtime/install";
    }

    @Override
    public String title() {
        return "Install the container runtime";
    }

    /** The runtime needs nothing from other nodes. */
    @Override
    public boolean waitsForAllNodes() {
        return false;
    }

    /** Kubernetes nodes, and etcd nodes that take etcd out of its image. */
    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return ManifestSet.hasRuntime(plan, node);
    }

    private static List<String> packages(Plan plan) {
        return plan.runtime() == ContainerRuntime.DOCKER ? List.of("docker.io", "cri-dockerd") : List.of("containerd");
    }

    private static List<String> services(Plan plan) {
        return plan.runtime() == ContainerRuntime.DOCKER ? List.of("docker", "cri-docker") : List.of("containerd");
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        Plan plan = context.plan();
        return Packages.missing(context.remote(), packages(plan)).isEmpty() && Systemd.areActive(context.remote(), services(plan))
                && RemoteFiles.allPresent(context.remote(), files(context.node()));
    }

    @Override
    public void run(NodeContext context) throws Exception {
        var remote = context.remote();
        Packages.ensureInstalled(remote, packages(context.plan()));
        RemoteFiles.writeAll(remote, files(context.node()));
        remote.run("sysctl -w net.ipv4.ip_forward=1" + services(context.plan()).stream()
                .map(service -> " && systemctl enable " + service + " && systemctl start " + service).collect(Collectors.joining()));
    }

    @Override
    public List<String> describe(Plan plan, Node node) {
        var lines = new java.util.ArrayList<>(List.of("install " + String.join(", ", packages(plan)) + " if missing"));
        files(node).forEach(file -> lines.add("write " + file.path() + " (" + Integer.toOctalString(file.mode()) + ")"));
        lines.addAll(List.of("set net.ipv4.ip_forward=1", "enable and start " + String.join(", ", services(plan))));
        return lines;
    }
}
