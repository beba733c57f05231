package dev.mast.cli;

import dev.mast.workflow.run.ClusterRun;
import picocli.CommandLine.Command;

/** {@code mast upgrade --plan FILE}: moves a cluster's control plane from systemd services to static pods. */
@Command(name = "upgrade",
        mixinStandardHelpOptions = true,
        description = {
                "Moves the control plane and kube-proxy of the plan's cluster from systemd services to static pods:",
                "reads the units (their custom flags are kept), pulls the images, backs up, then converts the masters",
                "one at a time (rolled back if a component does not become healthy) and kube-proxy on every node.",
                "A cluster already on static pods is left alone.",
                "Exit code 0 when every node is done, 1 when a node failed or was rolled back, 2 for a bad plan."})
final class UpgradeCommand extends ClusterRunCommand {
    @Override
    ClusterRun.Kind kind() {
        return ClusterRun.Kind.UPGRADE;
    }
}
