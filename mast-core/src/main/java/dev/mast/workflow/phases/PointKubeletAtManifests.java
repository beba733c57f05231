package dev.mast.workflow.phases;

import dev.mast.manifest.KubePaths;
import dev.mast.manifest.StaticPodManifests;
import dev.mast.manifest.SystemdExec;
import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.files.NodeFile;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.Health;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.Remote;
import dev.mast.workflow.tasks.RemoteFiles;
import dev.mast.workflow.Sh;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.legacy.ClusterSurvey;
import dev.mast.workflow.legacy.LegacyNode;
import dev.mast.workflow.legacy.LegacyService;
import java.util.ArrayList;
import java.util.List;

/**
 * Points the node's own kubelet (which stays the systemd service it is, with its configuration)
 * at the manifests folder, if it reads no static pods yet: {@code staticPodPath} added to its
 * configuration file, or, for a kubelet configured by flags alone, a drop-in that runs the same
 * command with {@code --pod-manifest-path}. Then restarts it; the pods it runs keep running. For
 * the nodes that run a kubelet ({@link OnlyWhereKubelet#present}): the one Mast installs reads them.
 */
public final class PointKubeletAtManifests implements Step {
    static final String DROP_IN = "/etc/systemd/system/kubelet.service.d/90-mast-static-pods.conf";
    private final Timeouts timeouts;

    public PointKubeletAtManifests(Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        LegacyNode facts = ClusterSurvey.read(context);
        return facts.staticPodPath().equals(KubePaths.MANIFESTS_DIR);
    }

    @Override
    public void run(NodeContext context) throws Exception {
        Remote remote = context.remote();
        LegacyNode facts = ClusterSurvey.read(context);
        remote.run("mkdir -p " + Sh.quote(KubePaths.MANIFESTS_DIR));
        if (facts.kubeletConfig().isPresent()) {
            String path = facts.kubeletConfig().get();
            String config = remote.read(path).map(RemoteFiles::text).orElseThrow(() -> new IllegalStateException(
                    "the kubelet's configuration " + path + " cannot be read"));
            String mode = remote.query("stat -c %a " + Sh.quote(path)).stdout().stream().findFirst().orElse("644").strip();
            remote.write(NodeFile.text(path, config + (config.endsWith("\n") ? "" : "\n") + "staticPodPath: " + KubePaths.MANIFESTS_DIR
                    + "\n", Integer.parseInt(mode, 8)));
            context.log("added staticPodPath: " + KubePaths.MANIFESTS_DIR + " to " + path);
        } else {
            LegacyService kubelet = facts.service(Component.KUBELET).orElseThrow();
            List<String> args = new ArrayList<>(kubelet.command().args());
            args.add("--pod-manifest-path=" + KubePaths.MANIFESTS_DIR);
            remote.write(NodeFile.text(DROP_IN, "# Written by Mast: the kubelet's own command, reading static pods.\n[Service]\n"
                    + "ExecStart=\n" + SystemdExec.execStart(kubelet.program(), args), NodeFile.PUBLIC));
            context.log("wrote " + DROP_IN + ": the kubelet's command with --pod-manifest-path=" + KubePaths.MANIFESTS_DIR);
        }
        remote.run("systemctl daemon-reload && systemctl restart kubelet");
        Health.await(context, timeouts, "kubelet", ComponentHealth.KUBELET);
    }

    @Override
    public boolean canRollBack() {
        return true;
    }

    @Override
    public String rollBack(NodeContext context) throws Exception {
        LegacyNode facts = ClusterSurvey.read(context);
        Remote remote = context.remote();
        if (facts.kubeletConfig().isPresent()) {
            String path = facts.kubeletConfig().get();
            remote.run("cp -a " + Sh.quote(context.backupDir() + path) + " " + Sh.quote(path));
        }
        remote.run("rm -f " + Sh.quote(DROP_IN) + " && systemctl daemon-reload && systemctl restart kubelet");
        context.warn("rolled back: the kubelet's configuration is as it was");
        return "the kubelet's configuration is as it was";
    }
}
