package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.tasks.ClusterFiles;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.EtcdBinary;
import dev.mast.workflow.tasks.Health;
import dev.mast.workflow.tasks.Systemd;

/**
 * etcd stays a systemd service: install its binary from the plan's source ({@link EtcdBinary}),
 * write its unit (TLS and the whole initial cluster), start it and wait for its health endpoint.
 * Members start side by side so the first ones are not left waiting for a quorum.
 */
public final class StartEtcd extends FileStep {
    private final Timeouts timeouts;

    public StartEtcd(ClusterFiles files, Timeouts timeouts) {
        super(files, "/etc/systemd/system/etcd.service");
        this.timeouts = timeouts;
    }

    @Override
    protected void prepare(NodeContext context) throws Exception {
        EtcdBinary.install(context);
    }

    @Override
    protected void start(NodeContext context) throws Exception {
        Systemd.enableAndRestart(context.remote(), "etcd");
        Health.await(context, timeouts, "etcd", ComponentHealth.ETCD);
    }

    @Override
    protected boolean isRunning(NodeContext context) throws Exception {
        return Systemd.isActive(context.remote(), "etcd");
    }
}
