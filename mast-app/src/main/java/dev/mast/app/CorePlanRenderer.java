package dev.mast.app;

import dev.mast.concurrent.DaemonThreads;
import dev.mast.node.SshOptions;
import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.node.SshEnvironment;
import dev.mast.node.SshRoute;
import dev.mast.node.SshRoutes;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.ClusterRenderer;
import dev.mast.render.RenderedCluster;
import dev.mast.ui.PlanRenderer;
import dev.mast.ui.RunKind;
import dev.mast.workflow.DryRunReport;
import dev.mast.workflow.RememberedAnswers;
import dev.mast.workflow.Remote;
import dev.mast.workflow.RemoteFactory;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.SshRemote;
import dev.mast.workflow.WorkflowRunner;
import dev.mast.workflow.legacy.LegacyNode;
import dev.mast.workflow.legacy.LegacyNodeReader;
import dev.mast.workflow.legacy.UpgradeFiles;
import dev.mast.workflow.run.ClusterRun;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The preview's files: exactly what a run writes, from the cluster's PKI folder. */
final class CorePlanRenderer implements PlanRenderer {
    private static final String ADOPT_CA = "pki/adopt-ca";
    /** As many SSH connections as a run opens at once by default. */
    private static final int MAX_READS_AT_ONCE = WorkflowRunner.DEFAULT_CONCURRENCY;
    private final AppFolders folders;
    private final CredentialPrompt prompt;
    /** What the nodes answered while the last upgrade preview's files were made, for its steps (the same preview). */
    private volatile Optional<PreviewReads> lastReads = Optional.empty();

    private record PreviewReads(RenderedCluster files, RememberedAnswers answers) {
    }

    CorePlanRenderer(AppFolders folders, CredentialPrompt prompt) {
        this.folders = folders;
        this.prompt = prompt;
    }

    @Override
    public RenderedCluster render(Plan plan) {
        return ClusterRenderer.render(plan, folders.pkiDir(plan));
    }

    @Override
    public Map<String, String> connections(Plan plan) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Node node : plan.nodes()) {
            SshEnvironment env = folders.ssh(node);
            String agent = env.agent().map(a -> "ssh-agent     " + a.socket() + "  (SSH_AUTH_SOCK; its keys are offered first)\n")
                    .orElse("");
            try {
                SshRoute route = new SshRoutes(env, SshOptions.DEFAULT).route(node.hostName(), node.ip(), node.ssh());
                texts.put(node.hostName(), route.describe() + (agent.isEmpty() ? "" : "\n" + agent));
            } catch (IOException | IllegalArgumentException e) {
                texts.put(node.hostName(), "# Mast cannot work out how to reach this node: " + e.getMessage() + "\n");
            }
        }
        return texts;
    }

    /**
     * The install's steps on nodes with nothing on them yet (the preview connects nowhere for an install); the
     * upgrade's as the nodes answer, since what it does depends on their systemd units. What the nodes answered while
     * {@code files} were made is not asked again: nothing changed them since.
     */
    @Override
    public Map<String, List<String>> steps(Plan plan, RunKind kind, RenderedCluster files) {
        var request = request(plan, kind);
        DryRunReport report = new DryRunReport();
        RememberedAnswers answers = readsOf(files);
        try (NodeConnector connector = new NodeConnector(prompt, folders.ssh(plan), SshOptions.DEFAULT);
             ClusterRun run = ClusterRun.preview(request, files,
                     kind == RunKind.UPGRADE ? Optional.of(answers.over(SshRemote.factory(connector))) : Optional.empty())) {
            run.run(Set.of(), report);
            return report.describeAll(plan, run.workflow());
        }
    }

    /** What the nodes answered while {@code files} were made, once: a later preview asks them afresh. */
    private RememberedAnswers readsOf(RenderedCluster files) {
        Optional<PreviewReads> reads = lastReads;
        lastReads = Optional.empty();
        return reads.filter(r -> r.files() == files).map(PreviewReads::answers).orElseGet(RememberedAnswers::new);
    }

    /**
     * An upgrade's files are what the conversion writes, node by node, from what each node runs.
     * The running cluster's CA is taken from its first master first, by the upgrade's own first
     * phase ({@code pki/adopt-ca}, run alone; rendering first would make a CA of its own that the
     * cluster does not trust, and the run would then refuse the folder), while every node is read,
     * all at once, changing nothing: a read is dozens of commands, each a round trip, and the nodes
     * answer independently (one after the other, the reads of six nodes took most of the preview's time). What they
     * answered is kept for the preview's steps.
     */
    @Override
    public RenderedCluster render(Plan plan, RunKind kind) throws Exception {
        if (kind != RunKind.UPGRADE || plan.masters().isEmpty()) {
            return render(plan);
        }
        var adopt = request(plan, kind).withPhases(List.of(ADOPT_CA), List.of());
        RememberedAnswers answers = new RememberedAnswers();
        ExecutorService readers = Executors.newFixedThreadPool(Math.min(plan.nodes().size(), MAX_READS_AT_ONCE),
                DaemonThreads.named("mast-preview-read"));
        try (NodeConnector connector = new NodeConnector(prompt, folders.ssh(plan), SshOptions.DEFAULT)) {
            RemoteFactory nodes = answers.over(SshRemote.factory(connector));
            Map<String, Future<LegacyNode>> reads = new LinkedHashMap<>();
            for (Node node : plan.nodes()) {
                reads.put(node.hostName(), readers.submit(() -> {
                    try (Remote remote = nodes.open(node, (level, line) -> { })) {
                        return LegacyNodeReader.read(remote, node.hostName());
                    }
                }));
            }
            try (ClusterRun run = ClusterRun.over(adopt, nodes)) {
                RunSummary summary = run.run(Set.of(plan.masters().get(0).hostName()), event -> { });
                if (!summary.succeeded()) {
                    throw new IOException(summary.failed().isEmpty() ? summary.describe() : summary.failed().get(0).message());
                }
            }
            Map<String, LegacyNode> read = new LinkedHashMap<>();
            for (var entry : reads.entrySet()) {
                read.put(entry.getKey(), result(entry.getValue()));
            }
            RenderedCluster files = UpgradeFiles.forCluster(plan, render(plan), read);
            lastReads = Optional.of(new PreviewReads(files, answers));
            return files;
        } finally {
            readers.shutdownNow();
        }
    }

    private static <T> T result(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private ClusterRun.Request request(Plan plan, RunKind kind) {
        return ClusterRun.Request.of(plan, ClusterRun.Kind.valueOf(kind.name()), folders.pkiDir(plan), folders.adminKubeconfig(plan));
    }
}
