package dev.mast.workflow.phases;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.Health;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Timeouts;
import java.util.List;

/**
 * etcd stays a systemd service: install its binary from the plan's source ({@link EtcdBinary}), write its unit (TLS and the whole initial
 * cluster), start it and wait for its health endpoint. Members start side by side so the
 * first ones are not left waiting for a quorum.
 */
public final class StartEtcd extends FilePhase {
    static final String HEALTH = "http://127.0.0.1:2381/health";
    private final Timeouts timeouts;

    public StartEtcd(RenderedCluster rendered, Timeouts timeouts) {
        super(rendered, "/etc/systemd/system/etcd.service");
        this.timeouts = timeouts;
    }

    @Override
    public String id() {
        return "etcd/start";
    }

    @Override
    public String title() {
        return "Start etcd";
    }

    /** A member needs only its own files to start; it waits for its peers through its health check. */
    @Override
    public boolean waitsForAllNodes() {
        return false;
    }

    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return node.has(Role.ETCD);
    }

    @Override
    public boolean needsAllNodes() {
        return true;
    }

    @Override
    protected void prepare(NodeContext context) throws Exception {
        EtcdBinary.install(context);
    }

    @Override
    protected void start(NodeContext context) throws Exception {
        Systemd.enableAndRestart(context.remote(), "etcd");
        Health.await(context, timeouts, "etcd", HEALTH);
    }

    @Override
    protected boolean isRunning(NodeContext context) throws Exception {
        return Systemd.isActive(context.remote(), "etcd");
    }

    @Override
    protected List<String> describeStart(Plan plan, Node node) {
        var lines = new java.util.ArrayList<>(EtcdBinary.describe(plan));
        lines.addAll(List.of("enable and restart etcd.service", "wait for " + HEALTH));
        return lines;
    }
}
