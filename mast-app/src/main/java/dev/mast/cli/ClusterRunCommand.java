package dev.mast.cli;

import dev.mast.node.NodeConnector;
import dev.mast.node.NodeException;
import dev.mast.node.SshEnvironment;
import dev.mast.node.SshOptions;
import dev.mast.node.SshRoute;
import dev.mast.pki.PkiException;
import dev.mast.plan.LoadedPlan;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.ClusterRenderer;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.LazyCluster;
import dev.mast.workflow.Phase;
import dev.mast.workflow.ProgressListener;
import dev.mast.workflow.RunLog;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.SshRemote;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.Workflow;
import dev.mast.workflow.WorkflowRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What install and upgrade share: read the plan, render, connect, run the workflow with live progress. */
abstract class ClusterRunCommand implements Callable<Integer> {
    @Mixin
    PlanInput plan;

    @Option(names = "--pki", paramLabel = "DIR", description = "The cluster's PKI folder (default: <plan name>-pki beside the plan).")
    Path pki;

    @Option(names = "--dry-run", description = "Print the steps per node and touch nothing.")
    boolean dryRun;

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
    private static final java.time.Duration CANCEL_WAIT = java.time.Duration.ofMinutes(10);

    /** The workflow for this plan; {@code rendered} holds every node's files. */
    abstract Workflow workflow(Plan plan, RenderedCluster rendered, LazyCluster cluster);

    Timeouts timeouts() {
        return new Timeouts(java.time.Duration.ofSeconds(healthTimeout), Timeouts.DEFAULT.poll());
    }

    /** Work before the files are rendered, e.g. taking the cluster's CA into the PKI folder. */
    void beforeRender(Plan plan, Path pkiDir, NodeConnector connector, PrintWriter out) throws Exception {
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
        Path pkiDir = pki != null ? pki : ClusterRenderer.defaultPkiDir(plan.file);
        // --known-hosts wins over UserKnownHostsFile in ~/.ssh/config, as ssh -o would.
        try (NodeConnector connector = new NodeConnector(ConsolePrompt.forRun(yes), SshEnvironment.ofUser(knownHosts),
                SshOptions.DEFAULT)) {
            if (!dryRun) {
                beforeRender(cluster, pkiDir, connector, out);
            }
            RenderedCluster rendered = ClusterRenderer.render(cluster, pkiDir);
            try (LazyCluster api = new LazyCluster(rendered.superAdminKubeconfig())) {
                Workflow workflow = workflow(cluster, rendered, api);
                if (dryRun) {
                    printDryRun(out, cluster, workflow, connector);
                    return MastCommand.OK;
                }
                return run(out, err, loaded.get(), rendered, connector, workflow);
            }
        } catch (PkiException e) {
            err.println("mast " + spec.name() + ": " + e.getMessage());
            return MastCommand.BAD_INPUT;
        } catch (Exception e) {
            err.println("mast " + spec.name() + ": " + e.getMessage());
            return MastCommand.FAILED;
        }
    }

    private int run(PrintWriter out, PrintWriter err, LoadedPlan loaded, RenderedCluster rendered, NodeConnector connector,
                    Workflow workflow) {
        CountDownLatch over = new CountDownLatch(1);
        try {
            return runLogged(out, err, loaded, rendered, connector, workflow, over);
        } finally {
            over.countDown();
        }
    }

    /** @param over counted down by the caller once the run has ended and its log is closed */
    private int runLogged(PrintWriter out, PrintWriter err, LoadedPlan loaded, RenderedCluster rendered, NodeConnector connector,
                          Workflow workflow, CountDownLatch over) {
        try (RunLog log = RunLog.inNewFolder(RunLog.defaultBase(), workflow.name())) {
            out.println("run log: " + log.folder());
            ProgressListener console = new ConsoleProgress(out, System.console() != null);
            var runner = new WorkflowRunner(workflow, loaded.plan(), SshRemote.factory(connector),
                    ProgressListener.all(log, console), new WorkflowRunner.Options(concurrency, Clock.systemUTC()));
            Thread cancel = new Thread(() -> cancelAndWait(runner, over, err), "mast-cancel");
            Runtime.getRuntime().addShutdownHook(cancel);
            RunSummary summary;
            try {
                summary = runner.run();
            } finally {
                removeHook(cancel);
            }
            if (summary.succeeded()) {
                out.println("admin kubeconfig: " + saveAdminKubeconfig(rendered));
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
    private void cancelAndWait(WorkflowRunner runner, CountDownLatch over, PrintWriter err) {
        err.println();
        err.println("mast " + spec.name() + ": cancelling: no new steps start; waiting for the running ones to finish...");
        err.flush();
        runner.cancel();
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

    /** Keeps the admin kubeconfig beside the plan, readable by the user only. */
    private Path saveAdminKubeconfig(RenderedCluster rendered) throws IOException {
        Path file = ClusterRenderer.defaultPkiDir(plan.file).resolveSibling(
                plan.file.getFileName().toString().replaceFirst("\\.ya?ml$", "") + "-admin.conf");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, rendered.adminKubeconfig());
        return file;
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

    private static void printDryRun(PrintWriter out, Plan plan, Workflow workflow, NodeConnector connector) {
        out.println(workflow.name() + " of " + plan.name() + " (dry run: nothing is changed)");
        for (Node node : plan.nodes()) {
            out.println();
            out.println(node.hostName() + " (" + node.ip() + ", " + String.join(", ",
                    node.sortedRoles().stream().map(r -> r.key()).toList()) + ")");
            printSsh(out, node, connector);
            int step = 1;
            for (Phase phase : workflow.phasesFor(plan, node)) {
                out.printf("  %d. %s [%s]%s%n", step++, phase.title(), phase.id(),
                        phase.mode() == Phase.Mode.ONE_AT_A_TIME ? " one node at a time" : "");
                phase.describe(plan, node).forEach(line -> out.println("       " + line));
            }
        }
        out.flush();
    }
}
