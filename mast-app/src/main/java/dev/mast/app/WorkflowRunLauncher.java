package dev.mast.app;

import dev.mast.concurrent.DaemonThreads;
import dev.mast.node.SshOptions;
import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.plan.Plan;
import dev.mast.ui.RunHandle;
import dev.mast.ui.RunKind;
import dev.mast.ui.RunLauncher;
import dev.mast.workflow.run.ClusterRun;
import dev.mast.workflow.NodeOutcome;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import dev.mast.workflow.ProgressListener;
import dev.mast.workflow.RunLog;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts an install or upgrade on a thread of its own, exactly as {@code mast install} and
 * {@code mast upgrade} run it. Passphrases, passwords and host keys not trusted yet on the Nodes
 * page are asked through the prompt, and forgotten when the run ends.
 */
final class WorkflowRunLauncher implements RunLauncher {
    private static final Logger LOG = Logger.getLogger(WorkflowRunLauncher.class.getName());
    private final AppFolders folders;
    private final Path runsBase;
    private final CredentialPrompt prompt;

    /** @param runsBase where each run's folder of logs is made ({@link RunLog#defaultBase()} in the app) */
    WorkflowRunLauncher(AppFolders folders, Path runsBase, CredentialPrompt prompt) {
        this.folders = folders;
        this.runsBase = runsBase;
        this.prompt = prompt;
    }

    @Override
    public RunHandle start(Plan plan, RunKind kind, Set<String> onlyNodes, ProgressListener listener) throws Exception {
        String name = kind == RunKind.INSTALL ? "install" : "upgrade";
        RunLog log = RunLog.inNewFolder(runsBase, name);
        Handle handle = new Handle(log.folder());
        ProgressListener reporting = event -> {
            // The Run page describes the summary as soon as RunFinished reaches it: the handle names the kubeconfig by then.
            if (event instanceof ProgressEvent.RunFinished finished && finished.summary().succeeded()) {
                handle.admin = Optional.of(folders.adminKubeconfig(plan));
            }
            listener.onEvent(event);
        };
        DaemonThreads.start("mast-" + name, () -> run(plan, kind, onlyNodes, ProgressListener.all(log, reporting), log, handle));
        return handle;
    }

    private void run(Plan plan, RunKind kind, Set<String> onlyNodes, ProgressListener listener, RunLog log, Handle handle) {
        try (log; NodeConnector connector = new NodeConnector(prompt, folders.ssh(plan), SshOptions.DEFAULT)) {
            var request = ClusterRun.Request.of(plan, ClusterRun.Kind.valueOf(kind.name()),
                    folders.pkiDir(plan), folders.adminKubeconfig(plan));
            try (ClusterRun run = ClusterRun.overSsh(request, connector)) {
                handle.run = run;
                if (handle.cancelled) {
                    run.cancel();
                }
                run.run(onlyNodes, listener);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "the " + kind + " could not run", e);
            reportNotStarted(plan, kind, onlyNodes, listener, e);
        }
    }

    /** The view waits for RunFinished: a run that could not start still ends, with the reason on every node. */
    private static void reportNotStarted(Plan plan, RunKind kind, Set<String> onlyNodes, ProgressListener listener, Exception e) {
        var now = java.time.Instant.now();
        var nodes = plan.nodes().stream().map(n -> n.hostName()).filter(n -> onlyNodes.isEmpty() || onlyNodes.contains(n)).toList();
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        listener.onEvent(new ProgressEvent.RunStarted(now, kind == RunKind.INSTALL ? "install" : "upgrade", nodes,
                nodes.stream().collect(java.util.stream.Collectors.toMap(n -> n, n -> 0))));
        var outcomes = nodes.stream().map(n -> new NodeOutcome(n, StepState.FAILED, "start", "the run could not start: " + why)).toList();
        listener.onEvent(new ProgressEvent.RunFinished(now, new RunSummary(kind == RunKind.INSTALL ? "install" : "upgrade",
                outcomes, false, java.time.Duration.ZERO)));
    }

    private static final class Handle implements RunHandle {
        private final Path folder;
        private volatile ClusterRun run;
        private volatile boolean cancelled;
        private volatile Optional<Path> admin = Optional.empty();

        Handle(Path folder) {
            this.folder = folder;
        }

        @Override
        public void cancel() {
            cancelled = true;
            ClusterRun current = run;
            if (current != null) {
                current.cancel();
            }
        }

        @Override
        public Path runFolder() {
            return folder;
        }

        @Override
        public Optional<Path> adminKubeconfig() {
            return admin;
        }
    }
}
