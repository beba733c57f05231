package dev.mast.cli;

import dev.mast.workflow.run.ClusterRun;
import picocli.CommandLine.Command;

/** {@code mast install --plan FILE}: a new cluster with its control plane as static pods. */
@Command(name = "install",
        mixinStandardHelpOptions = true,
        description = {
                "Installs the cluster of the plan over SSH: checks every node, copies certificates, starts the",
                "container runtime, etcd and the kubelet as systemd services, writes the static pod manifests and waits",
                "until every component is healthy. Safe to run again: finished steps are skipped.",
                "Exit code 0 when every node is done, 1 when a node failed, 2 for a bad plan."})
final class InstallCommand extends ClusterRunCommand {
    @Override
    ClusterRun.Kind kind() {
        return ClusterRun.Kind.INSTALL;
    }
}
