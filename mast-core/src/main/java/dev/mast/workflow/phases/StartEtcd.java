package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.tasks.ClusterFiles;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.Health;
import dev.mast.workflow.tasks.Packages;
import dev.mast.workflow.tasks.Systemd;
import java.util.List;

/**
 * etcd stays a systemd service: install its binary, write its unit (TLS and the whole initial
 * cluster), start it and wait for its health endpoint. Members start side by side so the
 * first ones are not left waiting for a quorum.
 */
public final class StartEtcd extends FileStep {
    private static final String UNIT = "/etc/systemd/system/etcd.service";
    private final Timeouts timeouts;

    public StartEtcd(ClusterFiles files, Timeouts timeouts) {
        super(files, UNIT);
        this.timeouts = timeouts;
    }

    @Override
    protected void prepare(NodeContext context) throws Exception {
        var remote = context.remote();
        if (remote.probe("test -x /usr/local/bin/etcd") != 0) {
            // Debian's etcd-server starts its own etcd (its defaults, on port 2379) as it is installed: masked, it cannot,
            // as kubeadm-like installers keep a package's service from starting. Mast's own unit is not masked over.
            remote.run("test -f " + UNIT + " && ! test -L " + UNIT + " || systemctl mask etcd.service");
            Packages.ensureInstalledByMast(remote, List.of("etcd-server"));
            remote.run("ln -sf /usr/bin/etcd /usr/local/bin/etcd");
            remote.run("systemctl unmask etcd.service");
        }
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
