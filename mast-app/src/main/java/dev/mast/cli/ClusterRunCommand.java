package dev.mast.cli;

import dev.mast.node.NodeConnector;
import dev.mast.node.NodeException;
import dev.mast.node.SshEnvironment;
import dev.mast.node.SshOptions;
import dev.mast.node.SshRoute;
import dev.mast.pki.PkiException;
import dev.mast.pki.PkiLock;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.ClusterRenderer;
import dev.mast.workflow.DryRunReport;
import dev.mast.workflow.ProgressListener;
import dev.mast.workflow.RememberedAnswers;
import dev.mast.workflow.RemoteFactory;
import dev.mast.workflow.RunLog;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.SshRemote;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.WorkflowRunner;
import dev.mast.workflow.run.ClusterRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What install and upgrade share: read the plan, then run the workflow through {@link ClusterRun} with live progress. */
abstract class ClusterRunCommand implements Callable<Integer> {
    @Mixin
    PlanInput plan;

    @Option(names = "--pki", paramLabel = "DIR", description = "The cluster's PKI folder (default: <plan name>-pki beside the plan).")
    Path pki;

    @Option(names = "--dry-run", description = "Print, per node, each step: already done, or what it would change, asking the "
            + "nodes it can reach (one it cannot is shown as a fresh node). Changes nothing, on the nodes or here.")
    boolean dryRun;

    @Option(names = "--only", paramLabel = "PHASE", split = ",",
            description = "Run only these phases (an id such as kubelet/start, or a group such as upgrade), with the phases they need.")
    List<String> only = new ArrayList<>();

    @Option(names = "--skip", paramLabel = "PHASE", split = ",", description = "Leave out these phases (ids or groups).")
    List<String> skip = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + WorkflowRunner.DEFAULT_CONCURRENCY,
            description = "How many nodes to work on at once in parallel phases (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--yes", description = "Non-interactive: ask nothing; unknown host keys and missing passwords then fail.")
    boolean yes;

    @Option(names = "--health-timeout", paramLabel = "SECONDS", defaultValue = "240",
            description = "How long to wait for a started component to become healthy before failing or rolling back (default: ${DEFAULT-VALUE}).")
    int healthTimeout;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "The known_hosts file (default: UserKnownHostsFile of ~/.ssh/config, else ~/.ssh/known_hosts).")
    Path knownHosts;

    @Spec
    CommandSpec spec;

    /** How long a cancel waits for the running steps; each checks the cancel while it waits on the node. */
    private static final Duration CANCEL_WAIT = Duration.ofMinutes(10);

    abstract ClusterRun.Kind kind();

    /** The run's request as the options give it; a command may add its own. */
    ClusterRun.Request request(ClusterRun.Request request) {
        return request;
    }

    /**
     * Printed before a dry run's steps; a command may read the nodes through {@code nodes} to say more (the dry run
     * does not ask them again what they answered).
     */
    void beforeDryRun(PrintWriter out, Plan plan, RemoteFactory nodes) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (healthTimeout < 1) {
            err.println("mast " + spec.name() + ": --health-timeout must be at least 1 second, got " + healthTimeout);
            return MastCommand.BAD_INPUT;
        }
        if (concurrency < 1) {
            err.println("mast " + spec.name() + ": --concurrency must be at least 1, got " + concurrency);
            return MastCommand.BAD_INPUT;
        }
        var loaded = plan.load(spec.name(), err);
        if (loaded.isEmpty()) {
            return MastCommand.BAD_INPUT;
        }
        Plan cluster = loaded.get().plan();
        // --known-hosts wins over UserKnownHostsFile in ~/.ssh/config, as ssh -o would.
        try (NodeConnector connector = new NodeConnector(ConsolePrompt.forRun(yes), SshEnvironment.ofUser(knownHosts),
                SshOptions.DEFAULT)) {
            var request = request(ClusterRun.Request.of(cluster, kind(), pki != null ? pki : ClusterRenderer.defaultPkiDir(plan.file),
                    adminKubeconfig()).withTimeouts(new Timeouts(Duration.ofSeconds(healthTimeout), Timeouts.DEFAULT.poll()))
                    .withConcurrency(concurrency).withPhases(only, skip));
            return dryRun ? dryRun(out, request, connector) : run(out, err, request, connector);
        } catch (PkiLock.PkiFolderBusyException e) {
            err.println("mast " + spec.name() + ": " + e.getMessage());
            return MastCommand.FAILED;
        } catch (PkiException | IllegalArgumentException e) {
            err.println("mast " + spec.name() + ": " + e.getMessage());
            return MastCommand.BAD_INPUT;
        } catch (Exception e) {
            err.println("mast " + spec.name() + ": " + e.getMessage());
            return MastCommand.FAILED;
        }
    }

    /** Beside the plan, as {@code <plan name>-admin.conf}. */
    private Path adminKubeconfig() {
        return ClusterRenderer.defaultPkiDir(plan.file).resolveSibling(
                plan.file.getFileName().toString().replaceFirst("\\.ya?ml$", "") + "-admin.conf");
    }

    private int run(PrintWriter out, PrintWriter err, ClusterRun.Request request, NodeConnector connector) {
        CountDownLatch over = new CountDownLatch(1);
        try {
            return runLogged(out, err, request, connector, over);
        } finally {
            over.countDown();
        }
    }

    /** @param over counted down by the caller once the run has ended and its log is closed */
    private int runLogged(PrintWriter out, PrintWriter err, ClusterRun.Request request, NodeConnector connector,
                          CountDownLatch over) {
        try (ClusterRun run = ClusterRun.overSsh(request, connector);
             RunLog log = RunLog.inNewFolder(RunLog.defaultBase(), request.kind().verb())) {
            out.println("run log: " + log.folder());
            ProgressListener console = new ConsoleProgress(out, System.console() != null);
            Thread cancel = new Thread(() -> cancelAndWait(run, over, err), "mast-cancel");
            Runtime.getRuntime().addShutdownHook(cancel);
            RunSummary summary;
            try {
                summary = run.run(Set.of(), ProgressListener.all(log, console));
            } finally {
                removeHook(cancel);
            }
            // A run watched with the cluster's own admin kubeconfig issued none to keep.
            if (summary.succeeded() && request.clusterKubeconfig().isEmpty()) {
                out.println("admin kubeconfig: " + run.adminKubeconfig());
            }
            out.flush();
            return summary.succeeded() ? MastCommand.OK : MastCommand.FAILED;
        } catch (IOException e) {
            err.println("mast " + spec.name() + ": " + CliMessages.describe(e));
            return MastCommand.FAILED;
        }
    }

    /**
     * Ctrl-C or a SIGTERM: the JVM ends when its shutdown hooks have, so this hook cancels the run and keeps the
     * JVM alive until the running steps have finished, the summary is printed and the run log is closed.
     */
    private void cancelAndWait(ClusterRun run, CountDownLatch over, PrintWriter err) {
        err.println();
        err.println("mast " + spec.name() + ": cancelling: no new steps start; waiting for the running ones to finish...");
        err.flush();
        run.cancel();
        try {
            if (!over.await(CANCEL_WAIT.toMinutes(), TimeUnit.MINUTES)) {
                err.println("mast " + spec.name() + ": the running steps did not finish within " + CANCEL_WAIT.toMinutes()
                        + " minutes; stopping anyway. Run again to continue.");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is cancelling the run right now, and waits for this run to end.
        }
    }

    /** The dry run, printed per node: each phase with what it would change, or why it would not. */
    private int dryRun(PrintWriter out, ClusterRun.Request request, NodeConnector connector) {
        DryRunReport report = new DryRunReport();
        RunSummary summary;
        Plan cluster = request.plan();
        RemoteFactory nodes = new RememberedAnswers().over(SshRemote.factory(connector));
        beforeDryRun(out, cluster, nodes);
        try (ClusterRun run = ClusterRun.dryRun(request, nodes)) {
            summary = run.run(Set.of(), report);
            out.println(request.kind().verb() + " of " + cluster.name() + " (dry run: nothing is changed)");
            for (Node node : cluster.nodes()) {
                out.println();
                out.println(node.hostName() + " (" + node.ip() + ", " + String.join(", ",
                        node.sortedRoles().stream().map(r -> r.key()).toList()) + ")");
                printSsh(out, node, connector);
                report.describe(node.hostName(), run.workflow()).forEach(line -> out.println("  " + line));
            }
        }
        out.println();
        out.println(summary.failed().isEmpty() ? "dry run: no step failed" : "dry run: " + summary.describe());
        out.flush();
        return summary.failed().isEmpty() ? MastCommand.OK : MastCommand.FAILED;
    }

    /** How the node is reached and where each SSH setting came from, as the preview shows it. */
    private static void printSsh(PrintWriter out, Node node, NodeConnector connector) {
        try {
            SshRoute route = connector.route(node);
            out.println("  ssh: " + route.target().address() + (route.jumps().isEmpty() ? "" : " through "
                    + route.jumps().stream().map(hop -> hop.address().toString()).collect(Collectors.joining(", "))));
            out.println("       " + route.origins().stream().map(SshRoute.Origin::toString).collect(Collectors.joining("; ")));
        } catch (NodeException e) {
            out.println("  ssh: " + e.getMessage());
        }
    }
}
