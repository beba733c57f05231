package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.tasks.ClusterFiles;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.Health;
import dev.mast.workflow.tasks.Systemd;

/** Writes the kubelet's configuration (staticPodPath) and unit, and starts it; {@link InstallKubernetesPrograms} put it there. */
public final class StartKubelet extends FileStep {
    private final Timeouts timeouts;

    public StartKubelet(ClusterFiles files, Timeouts timeouts) {
        super(files, "/var/lib/kubelet/", "/etc/systemd/system/kubelet.service");
        this.timeouts = timeouts;
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
