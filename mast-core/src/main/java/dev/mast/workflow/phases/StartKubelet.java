package dev.mast.workflow.phases;

import dev.mast.manifest.StaticPodManifests;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.Health;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Timeouts;
import java.util.List;

/** Writes the kubelet's configuration (staticPodPath) and unit, and starts it; {@link InstallKubernetesPrograms} put it there. */
public final class StartKubelet extends FilePhase {
    static final String HEALTH = "http://127.0.0.1:10248/healthz";
    private final Timeouts timeouts;

    public StartKubelet(RenderedCluster rendered, Timeouts timeouts) {
        super(rendered, "/var/lib/kubelet/", "/etc/systemd/system/kubelet.service");
        this.timeouts = timeouts;
    }

    @Override
    public String id() {
        return "kubelet/start";
    }

    @Override
    public String title() {
        return "Start the kubelet";
    }

    /** The kubelet needs only its node's files and runtime. */
    @Override
    public boolean waitsForAllNodes() {
        return false;
    }

    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return StaticPodManifests.isKubernetesNode(node);
    }

    @Override
    protected void start(NodeContext context) throws Exception {
        Systemd.enableAndRestart(context.remote(), "kubelet");
        Health.await(context, timeouts, "kubelet", HEALTH);
    }

    @Override
    protected boolean isRunning(NodeContext context) throws Exception {
        return Systemd.isActive(context.remote(), "kubelet") && Systemd.isEnabled(context.remote(), "kubelet");
    }

    @Override
    protected List<String> describeStart(Plan plan, Node node) {
        return List.of("enable and restart kubelet.service", "wait for " + HEALTH);
    }
}
