package dev.mast.workflow.phases;

import dev.mast.files.NodeFile;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.sources.RegistryMirror;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.tasks.ClusterFiles;
import dev.mast.workflow.tasks.Packages;
import dev.mast.workflow.tasks.RemoteFiles;
import dev.mast.workflow.tasks.Systemd;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Installs and starts the container runtime (containerd, or Docker with cri-dockerd) and turns
 * on IP forwarding, which pod networking needs. Both stay systemd services.
 */
public final class InstallContainerRuntime implements Step {
    static final NodeFile SYSCTL = NodeFile.text("/etc/sysctl.d/99-kubernetes.conf", "net.ipv4.ip_forward = 1\n", NodeFile.PUBLIC);

    private final ClusterFiles files;

    public InstallContainerRuntime(ClusterFiles files) {
        this.files = files;
    }

    /** The runtime's rendered files: the hosts of a registry that stands in for registry.k8s.io, and IP forwarding. */
    private List<NodeFile> files(Node node) {
        var result = new ArrayList<>(files.rendered().filesFor(node.hostName(), RegistryMirror.HOSTS_DIR + "/"));
        result.add(SYSCTL);
        return result;
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
        remote.writeAll(files(context.node()));
        remote.run("sysctl -w net.ipv4.ip_forward=1" + services(context.plan()).stream()
                .map(service -> " && systemctl enable " + service + " && systemctl start " + service).collect(Collectors.joining()));
    }
}
