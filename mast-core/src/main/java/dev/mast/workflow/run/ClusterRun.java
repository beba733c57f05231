package dev.mast.workflow.run;

import dev.mast.node.NodeConnector;
import dev.mast.pki.PkiLock;
import dev.mast.pki.PkiStore;
import dev.mast.plan.Plan;
import dev.mast.render.ClusterRenderer;
import dev.mast.render.RenderedCluster;
import dev.mast.cluster.ApiRoute;
import dev.mast.cluster.LazyCluster;
import dev.mast.workflow.Phase;
import dev.mast.workflow.PhaseInfo;
import dev.mast.workflow.ProgressListener;
import dev.mast.workflow.RecordingRemote;
import dev.mast.workflow.RemoteFactory;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.SshRemote;
import dev.mast.workflow.Targets;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.Workflow;
import dev.mast.workflow.WorkflowRunner;
import dev.mast.workflow.phases.LockNode;
import dev.mast.workflow.tasks.ClusterFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one way to run an install or an upgrade, for the desktop app and the command line alike:
 * the workflow for the plan, its files rendered once from the PKI folder (on an upgrade after its
 * first phase took the cluster's CA), run over SSH, or as a dry run that records every change
 * instead of making it. The admin kubeconfig is saved by the workflow's last phase.
 */
public final class ClusterRun implements AutoCloseable {

    public enum Kind {
        INSTALL, UPGRADE;

        /** {@code install}, {@code upgrade}: the workflow's name. */
        public String verb() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What to run.
     *
     * @param pkiDir          the cluster's PKI folder: made on first use, or filled with the cluster's own CA on an upgrade
     * @param adminKubeconfig where the admin kubeconfig is kept on this machine after a run that succeeded
     * @param only            phases to run, by id or group ({@code --only}); empty for all
     * @param skip            phases to leave out ({@code --skip})
     */
    public record Request(Plan plan, Kind kind, Path pkiDir, Path adminKubeconfig, Timeouts timeouts, int concurrency,
                          List<String> only, List<String> skip, Optional<String> clusterKubeconfig, Duration lockStaleAfter) {
        public Request {
            only = List.copyOf(only);
            skip = List.copyOf(skip);
        }

        public static Request of(Plan plan, Kind kind, Path pkiDir, Path adminKubeconfig) {
            return new Request(plan, kind, pkiDir, adminKubeconfig, Timeouts.DEFAULT, WorkflowRunner.DEFAULT_CONCURRENCY,
                    List.of(), List.of(), Optional.empty(), LockNode.DEFAULT_STALE_AFTER);
        }

        public Request withTimeouts(Timeouts value) {
            return new Request(plan, kind, pkiDir, adminKubeconfig, value, concurrency, only, skip, clusterKubeconfig, lockStaleAfter);
        }

        public Request withConcurrency(int value) {
            return new Request(plan, kind, pkiDir, adminKubeconfig, timeouts, value, only, skip, clusterKubeconfig, lockStaleAfter);
        }

        public Request withPhases(List<String> onlyThese, List<String> skipThese) {
            return new Request(plan, kind, pkiDir, adminKubeconfig, timeouts, concurrency, onlyThese, skipThese, clusterKubeconfig, lockStaleAfter);
        }

        /**
         * An upgrade watches the API with the cluster's own admin kubeconfig (its text) instead of one Mast issues: for
         * a cluster whose CA key is on no master, which is then converted with the certificates it has.
         */
        public Request withClusterKubeconfig(String kubeconfig) {
            return new Request(plan, kind, pkiDir, adminKubeconfig, timeouts, concurrency, only, skip, Optional.of(kubeconfig), lockStaleAfter);
        }

        /** How long a node's lock goes unrefreshed before it counts as left by a run that died (see {@link LockNode}). */
        public Request withLockStaleAfter(Duration value) {
            return new Request(plan, kind, pkiDir, adminKubeconfig, timeouts, concurrency, only, skip, clusterKubeconfig, value);
        }
    }

    /** The phase every run starts with on every node. */
    public static final String LOCK_PHASE = "lock/node";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Request request;
    private final RemoteFactory remotes;
    private final Workflow workflow;
    private final LazyCluster api;
    private final Optional<PkiLock> pkiLock;
    private final boolean dryRun;
    private volatile WorkflowRunner runner;
    private volatile boolean cancelled;

    private ClusterRun(Request request, ClusterFiles files, RemoteFactory remotes, ApiRoute apiRoute, Optional<PkiLock> pkiLock,
                       boolean dryRun) {
        this.request = request;
        this.remotes = remotes;
        this.pkiLock = pkiLock;
        this.dryRun = dryRun;
        this.api = new LazyCluster(() -> request.clusterKubeconfig().orElseGet(() -> files.rendered().superAdminKubeconfig()),
                apiRoute);
        Workflow full = request.kind() == Kind.INSTALL
                ? InstallWorkflow.create(files, api, request.timeouts(), Clock.systemUTC(), request.adminKubeconfig())
                : UpgradeWorkflow.create(files, api, request.timeouts(), request.pkiDir(), request.adminKubeconfig(),
                        request.clusterKubeconfig().isPresent());
        this.workflow = lockedFirst(full.select(request.only(), request.skip()), request);
    }

    private static ClusterRun create(Request request, boolean dryRun, RemoteFactory remotes, ApiRoute apiRoute) {
        // A run holds its PKI folder from start to end: another process completing it meanwhile would make a second CA.
        Optional<PkiLock> pkiLock = dryRun ? Optional.empty() : Optional.of(PkiLock.hold(request.pkiDir(), "mast " + request.kind().verb()));
        try {
            Plan plan = request.plan();
            PkiStore store = new PkiStore();
            // A dry run renders with what the PKI folder would hold, made in memory: it changes nothing here either.
            ClusterFiles files = new ClusterFiles(() -> {
                if (request.kind() == Kind.UPGRADE && !dryRun && !Files.exists(request.pkiDir().resolve("ca.key"))) {
                    // The upgrade took no CA: the cluster's key is on no master. Mast never makes a CA for a cluster that has one.
                    throw new IllegalStateException("the cluster's CA key is not in " + request.pkiDir() + ": Mast issues no"
                            + " certificate the cluster would not trust");
                }
                return ClusterRenderer.render(plan, dryRun ? store.loadWithoutWriting(request.pkiDir(), plan)
                        : store.loadOrCreate(request.pkiDir(), plan));
            });
            if (request.kind() == Kind.INSTALL) {
                // Nothing comes before the files on an install: a PKI folder that cannot be used is bad input, found now.
                files.rendered();
            }
            return new ClusterRun(request, files, remotes, apiRoute, pkiLock, dryRun);
        } catch (RuntimeException e) {
            pkiLock.ifPresent(PkiLock::close);
            throw e;
        }
    }

    /** Every run that changes nodes locks them first, whatever {@code --only} and {@code --skip} pick. */
    private static Workflow lockedFirst(Workflow selected, Request request) {
        if (selected.phases().stream().allMatch(phase -> phase.info().checksOnly())) {
            return selected; // changes no node (a preview taking the cluster's CA): locks none
        }
        List<Phase> phases = new ArrayList<>();
        phases.add(lockPhase(request));
        phases.addAll(selected.phases());
        return new Workflow(selected.name(), phases);
    }

    private static Phase lockPhase(Request request) {
        Instant now = Instant.now();
        var holder = LockNode.Holder.thisProcess(request.kind().verb() + " " + RUN_ID.format(now), now);
        return new Phase(PhaseInfo.of(LOCK_PHASE, "Lock the node for this run", Targets.EVERY_NODE).stopsTheRunOnFailure(),
                new LockNode(holder, request.lockStaleAfter()));
    }

    /**
     * A run that changes the nodes over SSH, each node reached through {@code connector}.
     *
     * @throws dev.mast.pki.PkiException       when the PKI folder cannot be used (found before anything runs on an install)
     * @throws IllegalArgumentException when {@code only} or {@code skip} names no phase, or leaves out what a phase needs
     */
    public static ClusterRun overSsh(Request request, NodeConnector connector) {
        // The API is asked the way the masters are reached: through their jump hosts if they have any.
        return create(request, false, SshRemote.factory(connector), ApiRoute.throughJumps(request.plan(), connector));
    }

    /** A run that changes the nodes through {@code remotes}: for harnesses that put something between Mast and the nodes. */
    public static ClusterRun over(Request request, RemoteFactory remotes) {
        return create(request, false, remotes, ApiRoute.DIRECT);
    }

    /**
     * A dry run: the same phases, whose changes are recorded (see {@link dev.mast.workflow.DryRunReport}) instead of
     * made, here or on the nodes. With a connector the nodes are asked (what is already done is skipped, checks run);
     * without one, nothing is asked and the run is shown as on fresh nodes.
     */
    public static ClusterRun dryRun(Request request, Optional<NodeConnector> asking) {
        return create(request, true, RecordingRemote.factory(asking.map(SshRemote::factory)), ApiRoute.DIRECT);
    }

    /**
     * A dry run that asks the nodes through {@code asking}: SSH with something between, such as what the nodes answered
     * already before it ({@link dev.mast.workflow.RememberedAnswers}).
     */
    public static ClusterRun dryRun(Request request, RemoteFactory asking) {
        return create(request, true, RecordingRemote.factory(Optional.of(asking)), ApiRoute.DIRECT);
    }

    /** A dry run of the files a preview rendered already, asking the nodes through {@code asking} as {@link #dryRun} does. */
    public static ClusterRun preview(Request request, RenderedCluster files, Optional<RemoteFactory> asking) {
        return new ClusterRun(request, ClusterFiles.of(files), RecordingRemote.factory(asking), ApiRoute.DIRECT, Optional.empty(),
                true);
    }

    /** The phases that will run, after {@code --only} and {@code --skip}. */
    public Workflow workflow() {
        return workflow;
    }

    /** Runs on the named nodes (all when empty), reporting to {@code listener}; blocks until the run is over. */
    public RunSummary run(Set<String> onlyNodes, ProgressListener listener) {
        WorkflowRunner started = new WorkflowRunner(workflow, request.plan(), remotes, listener,
                new WorkflowRunner.Options(request.concurrency(), Clock.systemUTC(), dryRun));
        runner = started;
        if (cancelled) {
            started.cancel();
        }
        try {
            return started.run(onlyNodes);
        } finally {
            api.close();
        }
    }

    /** Stops starting new steps; running steps end cleanly. Safe from any thread, also before the run started. */
    public void cancel() {
        cancelled = true;
        WorkflowRunner current = runner;
        if (current != null) {
            current.cancel();
        }
    }

    /** Where a run that succeeded left the admin kubeconfig. */
    public Path adminKubeconfig() {
        return request.adminKubeconfig();
    }

    @Override
    public void close() {
        api.close();
        pkiLock.ifPresent(PkiLock::close);
    }
}
