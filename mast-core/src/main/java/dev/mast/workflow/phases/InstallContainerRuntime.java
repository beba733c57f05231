package dev.mast.workflow.phases;

import dev.mast.files.NodeFile;
import dev.mast.manifest.RuntimeFiles;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import dev.mast.workflow.Step;
import dev.mast.workflow.tasks.ClusterFiles;
import dev.mast.workflow.tasks.Packages;
import dev.mast.workflow.tasks.RemoteFiles;
import dev.mast.workflow.tasks.Systemd;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the container runtime (containerd, or Docker with cri-dockerd), writes its
 * configuration ({@link RuntimeFiles}: the cgroup driver and pause image the kubelet expects) and
 * turns on IP forwarding, which pod networking needs. The configuration it replaces is backed up
 * first. The runtime restarts only when its configuration changed: a restart of Docker stops every
 * container. Both stay systemd services.
 */
public final class InstallContainerRuntime implements Step {
    /**
     * Says that the runtime has not restarted since its configuration changed, should a run end in
     * between. In /run: a reboot restarts the runtime and forgets the mark with it.
     */
    static final String RESTART_PENDING = "/run/mast/runtime-restart-pending";

    private final ClusterFiles files;

    public InstallContainerRuntime(ClusterFiles files) {
        this.files = files;
    }

    private static List<String> packages(Plan plan) {
        return plan.runtime() == ContainerRuntime.DOCKER ? List.of("docker.io", "cri-dockerd") : List.of("containerd");
    }

    private static List<String> services(Plan plan) {
        return plan.runtime() == ContainerRuntime.DOCKER ? List.of("docker", "cri-docker") : List.of("containerd");
    }

    private List<NodeFile> files(Plan plan, Node node) {
        return files.rendered().filesFor(node.hostName(), RuntimeFiles.forNode(plan).stream().map(NodeFile::path).toArray(String[]::new));
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        Remote remote = context.remote();
        Plan plan = context.plan();
        return Packages.missing(remote, packages(plan)).isEmpty() && Systemd.areActive(remote, services(plan))
                && RemoteFiles.allPresent(remote, files(plan, context.node())) && remote.probe("test -e " + RESTART_PENDING) != 0;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        Remote remote = context.remote();
        Plan plan = context.plan();
        Packages.ensureInstalled(remote, packages(plan));
        List<String> configuration = RuntimeFiles.runtimeConfiguration(plan).stream().map(NodeFile::path).toList();
        List<NodeFile> files = files(plan, context.node());
        boolean restart = !RemoteFiles.allPresent(remote, files.stream().filter(f -> configuration.contains(f.path())).toList())
                || remote.probe("test -e " + RESTART_PENDING) == 0;
        if (restart) {
            // What the runtime ran with before (a package's defaults, an installer's settings) is kept.
            List<String> copied = RemoteFiles.backUp(remote, context.backupDir(), configuration);
            if (!copied.isEmpty()) {
                context.log("backed up " + String.join(", ", copied) + " to " + context.backupDir());
            }
            remote.run("mkdir -p /run/mast && touch " + RESTART_PENDING);
        }
        remote.writeAll(files);
        List<String> commands = new ArrayList<>(List.of("sysctl -w net.ipv4.ip_forward=1", "systemctl daemon-reload"));
        for (String service : services(plan)) {
            commands.add("systemctl enable " + Sh.quote(service));
            commands.add("systemctl " + (restart ? "restart " : "start ") + Sh.quote(service));
        }
        commands.add("rm -f " + RESTART_PENDING);
        remote.run(String.join(" && ", commands));
        context.log(restart ? "the runtime's configuration changed: restarted " + String.join(", ", services(plan))
                : "the runtime has Mast's configuration already");
    }
}
