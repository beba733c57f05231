package dev.mast.cli;

import dev.mast.node.NodeConnector;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.ClusterRenderer;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.ClusterPkiAdoption;
import dev.mast.workflow.LazyCluster;
import dev.mast.workflow.SshRemote;
import dev.mast.workflow.UpgradeWorkflow;
import dev.mast.workflow.Workflow;
import dev.mast.workflow.legacy.ConversionReport;
import dev.mast.workflow.legacy.ConversionVersions;
import dev.mast.workflow.legacy.LegacyNode;
import dev.mast.workflow.legacy.LegacyNodeReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mast upgrade --plan FILE}: moves a cluster's control plane from systemd services to static pods. */
@Command(name = "upgrade",
        mixinStandardHelpOptions = true,
        description = {
                "Moves the control plane and kube-proxy of the plan's cluster from systemd services to static pods,",
                "keeping what makes it that cluster: each component keeps its own flags and files (its CA, keys, issuer,",
                "etcd, encryption config, kubeconfigs), mounted where they are, and its version (the plan must name it, or",
                "one minor release newer). Reads every node first, pulls the images, gives a master without a kubelet one,",
                "backs up, then converts the masters one at a time (rolled back if a component does not become healthy)",
                "and kube-proxy on every node. etcd is not touched. A cluster already on static pods is left alone.",
                "--dry-run reads the nodes and says what would happen on each, changing nothing.",
                "Exit code 0 when every node is done, 1 when a node failed or was rolled back, 2 for a bad plan."})
final class UpgradeCommand extends ClusterRunCommand {
    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The cluster's admin kubeconfig, to watch the API with; needed when the cluster's CA key is on no master"
                    + " (Kismatic kept it on its installer's machine), else Mast uses the cluster's CA.")
    Path kubeconfig;

    private Optional<String> missingCaKey = Optional.empty();

    @Override
    Prepared prepare(Plan plan, Path pkiDir, NodeConnector connector, PrintWriter out) throws Exception {
        Optional<String> given = kubeconfig == null ? Optional.empty() : Optional.of(readKubeconfig());
        if (dryRun) {
            return new Prepared(ClusterRenderer.withoutPki(plan), given.orElse(""), false);
        }
        Node master = plan.masters().get(0);
        ClusterPkiAdoption.Adoption adoption;
        try (SshRemote remote = new SshRemote(connector.connect(master), (level, line) -> { })) {
            adoption = ClusterPkiAdoption.adopt(remote, master.hostName(), pkiDir);
        }
        if (!adoption.copied().isEmpty()) {
            out.println("took the cluster's " + String.join(", ", adoption.copied()) + " from " + master.hostName() + " into " + pkiDir);
        }
        if (adoption.hasClusterCa()) {
            RenderedCluster rendered = ClusterRenderer.render(plan, pkiDir);
            return new Prepared(rendered, given.orElse(rendered.superAdminKubeconfig()), false);
        }
        missingCaKey = adoption.missingKey();
        if (given.isEmpty()) {
            throw new IllegalArgumentException(missingCaKey.get() + ": give the cluster's admin kubeconfig with --kubeconfig FILE"
                    + " (Mast then issues nothing), or the cluster's CA certificate and key as ca.crt and ca.key in " + pkiDir);
        }
        out.println(missingCaKey.get() + ": watching the API with " + kubeconfig + "; Mast issues no certificate");
        return new Prepared(ClusterRenderer.withoutPki(plan), given.get(), false);
    }

    private String readKubeconfig() throws IOException {
        if (!Files.isReadable(kubeconfig)) {
            throw new IllegalArgumentException("--kubeconfig " + kubeconfig + ": no such readable file");
        }
        return Files.readString(kubeconfig);
    }

    @Override
    Workflow workflow(Plan plan, RenderedCluster rendered, LazyCluster cluster) {
        return UpgradeWorkflow.create(rendered, missingCaKey, cluster, timeouts());
    }

    /** Reads every node, changing nothing, and says what the conversion would do on each before listing the steps. */
    @Override
    int dryRun(PrintWriter out, Plan plan, Workflow workflow, NodeConnector connector) {
        List<LegacyNode> read = new ArrayList<>();
        out.println("what the nodes run now, and what the upgrade does with it:");
        for (Node node : plan.nodes()) {
            out.println();
            out.println(node.hostName() + ":");
            try (SshRemote remote = new SshRemote(connector.connect(node), (level, line) -> { })) {
                LegacyNode facts = LegacyNodeReader.read(remote, node.hostName());
                read.add(facts);
                ConversionReport.describe(plan, node, facts).forEach(line -> out.println("  " + line));
            } catch (Exception e) {
                out.println("  cannot be read: " + e.getMessage() + "; the upgrade would stop before changing anything");
            }
        }
        ConversionVersions.mixed(read).ifPresent(note -> out.println(System.lineSeparator() + "note: " + note));
        out.println();
        printDryRun(out, plan, workflow, connector);
        return MastCommand.OK;
    }
}
