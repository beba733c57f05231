package dev.mast.cli;

import dev.mast.concurrent.DaemonThreads;
import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.Remote;
import dev.mast.workflow.RemoteFactory;
import dev.mast.workflow.WorkflowRunner;
import dev.mast.workflow.legacy.ConversionReport;
import dev.mast.workflow.legacy.ConversionVersions;
import dev.mast.workflow.legacy.LegacyNode;
import dev.mast.workflow.legacy.LegacyNodeReader;
import dev.mast.workflow.run.ClusterRun;
import dev.mast.workflow.tasks.UnfinishedConversions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mast upgrade --plan FILE}: moves a cluster's control plane from systemd services to static pods. */
@Command(name = "upgrade",
        mixinStandardHelpOptions = true,
        description = {
                "Moves the control plane and kube-proxy of the plan's cluster from systemd services to static pods.",
                "It keeps what makes it that cluster: each component keeps its own flags and files (its CA, keys, issuer,",
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

    @Override
    ClusterRun.Kind kind() {
        return ClusterRun.Kind.UPGRADE;
    }

    @Override
    ClusterRun.Request request(ClusterRun.Request request) {
        if (kubeconfig == null) {
            return request;
        }
        if (!Files.isReadable(kubeconfig)) {
            throw new IllegalArgumentException("--kubeconfig " + kubeconfig + ": no such readable file");
        }
        try {
            return request.withClusterKubeconfig(Files.readString(kubeconfig));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads every node, all at once, changing nothing, and says what the conversion would do on each before listing the
     * steps (whose dry run does not ask the nodes again what these reads asked).
     */
    @Override
    void beforeDryRun(PrintWriter out, Plan plan, RemoteFactory nodes) {
        ExecutorService readers = Executors.newFixedThreadPool(Math.min(plan.nodes().size(), WorkflowRunner.DEFAULT_CONCURRENCY),
                DaemonThreads.named("mast-dry-run-read"));
        try {
            List<Future<Reading>> readings = plan.nodes().stream().map(node -> readers.submit(() -> read(plan, node, nodes))).toList();
            List<LegacyNode> read = new ArrayList<>();
            out.println("what the nodes run now, and what the upgrade does with it:");
            for (int i = 0; i < readings.size(); i++) {
                Reading reading = result(readings.get(i));
                out.println();
                out.println(plan.nodes().get(i).hostName() + ":");
                reading.lines().forEach(line -> out.println("  " + line));
                reading.facts().ifPresent(read::add);
            }
            ConversionVersions.mixed(read).ifPresent(note -> out.println(System.lineSeparator() + "note: " + note));
            out.println();
        } finally {
            readers.shutdownNow();
        }
    }

    /** What a node runs, and what the conversion would do with it, in lines. */
    private record Reading(Optional<LegacyNode> facts, List<String> lines) {
    }

    private static Reading read(Plan plan, Node node, RemoteFactory nodes) {
        try (Remote remote = nodes.open(node, (level, line) -> { })) {
            LegacyNode facts = LegacyNodeReader.read(remote, node.hostName());
            List<Component> replaced = UnfinishedConversions.replaced(UnfinishedConversions.find(remote));
            return new Reading(Optional.of(facts), ConversionReport.describe(plan, node, facts, replaced));
        } catch (Exception e) {
            return new Reading(Optional.empty(), List.of("cannot be read: " + e.getMessage()
                    + "; the upgrade would stop before changing anything"));
        }
    }

    private static Reading result(Future<Reading> reading) {
        try {
            return reading.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // read() answers every Exception: only an Error gets here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the nodes", e);
        }
    }
}
