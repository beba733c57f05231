package dev.mast.workflow.phases;

import dev.mast.manifest.KubePaths;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Sh;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.tasks.ClusterFiles;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.Health;
import dev.mast.workflow.tasks.KubernetesPrograms;
import dev.mast.workflow.tasks.SourceFacts;
import dev.mast.workflow.tasks.Systemd;

/**
 * Writes the kubelet's configuration (staticPodPath) and unit, and starts it. An install put the
 * kubelet there in its own phase ({@link InstallKubernetesPrograms}); an upgrade that gives a master
 * its first kubelet installs it here, so that the kubelet the upgrade finds on a node is always one
 * that was started with Mast's configuration.
 */
public final class StartKubelet extends FileStep {
    private final Timeouts timeouts;
    private final boolean installsPrograms;

    public StartKubelet(ClusterFiles files, Timeouts timeouts) {
        this(files, timeouts, false);
    }

    private StartKubelet(ClusterFiles files, Timeouts timeouts, boolean installsPrograms) {
        super(files, "/var/lib/kubelet/", "/etc/systemd/system/kubelet.service");
        this.timeouts = timeouts;
        this.installsPrograms = installsPrograms;
    }

    /** Installs the Kubernetes programs from the plan's sources first, unless the node has them. */
    public static StartKubelet installingPrograms(ClusterFiles files, Timeouts timeouts) {
        return new StartKubelet(files, timeouts, true);
    }

    @Override
    protected void prepare(NodeContext context) throws Exception {
        if (installsPrograms && !KubernetesPrograms.present(context.plan(), context.node(), SourceFacts.read(context.remote()))) {
            KubernetesPrograms.install(context);
        }
    }

    /**
     * The manifests folder is there before the kubelet starts: the real kubelet watches it only if it exists when it
     * starts, and lists a folder made later only every 20 s, so a manifest moved there later would wait that long.
     */
    @Override
    protected void start(NodeContext context) throws Exception {
        context.remote().run("mkdir -p " + Sh.quote(KubePaths.MANIFESTS_DIR));
        Systemd.enableAndRestart(context.remote(), "kubelet");
        Health.await(context, timeouts, "kubelet", ComponentHealth.KUBELET);
    }

    @Override
    protected boolean isRunning(NodeContext context) throws Exception {
        return Systemd.isActive(context.remote(), "kubelet") && Systemd.isEnabled(context.remote(), "kubelet");
    }
}
