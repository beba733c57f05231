package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.tasks.ClusterFiles;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.Health;
import dev.mast.workflow.tasks.Packages;
import dev.mast.workflow.tasks.Systemd;
import java.util.List;

/** Installs the kubelet, writes its configuration (staticPodPath) and unit, and starts it. */
public final class StartKubelet extends FileStep {
    private final Timeouts timeouts;

    public StartKubelet(ClusterFiles files, Timeouts timeouts) {
        super(files, "/var/lib/kubelet/", "/etc/systemd/system/kubelet.service");
        this.timeouts = timeouts;
    }

    @Override
    protected void prepare(NodeContext context) throws Exception {
        Packages.ensureInstalled(context.remote(), List.of("kubelet"));
    }

    @Override
    protected void start(NodeContext context) throws Exception {
        Systemd.enableAndRestart(context.remote(), "kubelet");
        Health.await(context, timeouts, "kubelet", ComponentHealth.KUBELET);
    }

    @Override
    protected boolean isRunning(NodeContext context) throws Exception {
        return Systemd.isActive(context.remote(), "kubelet") && Systemd.isEnabled(context.remote(), "kubelet");
    }
}
