package dev.mast.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Plan;
import dev.mast.ui.RunHandle;
import dev.mast.ui.RunKind;
import dev.mast.ui.RunLauncher;
import dev.mast.ui.fixtures.ReplayingRunLauncher;
import dev.mast.ui.fixtures.ScriptedDialogs;
import dev.mast.ui.fixtures.UiFixtures;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.ProgressEvent.LogLevel;
import dev.mast.workflow.StepState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunViewModelTest {
    @TempDir
    Path runs;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<Path> opened = new ArrayList<>();
    private final Plan plan = UiFixtures.threeMasters();

    /** Batches are applied only when the test flushes: the test thread is the UI thread. */
    private RunViewModel model(RunLauncher launcher, Clock clock) {
        return new RunViewModel(launcher, dialogs, opened::add, clock, task -> { });
    }

    private RunViewModel model(RunLauncher launcher) {
        return model(launcher, Clock.systemUTC());
    }

    private static NodeStatus status(RunViewModel model, String node) {
        return model.state().rowOf(node).orElseThrow().status();
    }

    @Test
    void aReplayedInstallBringsEveryNodeToDone() {
        var launcher = new ReplayingRunLauncher(Duration.ZERO, runs, Runnable::run);
        RunViewModel model = model(launcher);

        assertTrue(model.confirmAndStart(plan, RunKind.INSTALL));
        model.flushEvents();

        assertEquals(plan.nodes().size(), model.state().rows().size());
        model.state().rows().forEach(row -> assertEquals(NodeStatus.DONE, row.status(), row.node()));
        var master = model.state().rowOf("master001").orElseThrow();
        assertEquals(ReplayingRunLauncher.stepsOf(plan.nodes().get(0)), master.doneProperty().get());
        assertEquals(1.0, master.progressProperty().get());
        assertFalse(model.runningProperty().get());
        assertTrue(model.summaryTextProperty().get().startsWith("install finished on all 6 nodes"));
        assertTrue(model.summaryTextProperty().get().contains(runs.resolve("admin.conf").toString()));
    }

    @Test
    void openPodListHandsOnTheAdminKubeconfigAndThePlanOfARunThatFinishedWell() {
        var launcher = new ReplayingRunLauncher(Duration.ZERO, runs, Runnable::run);
        RunViewModel model = model(launcher);
        List<String> openedWith = new ArrayList<>();
        model.setPodListOpener((kubeconfig, ran) -> openedWith.add(kubeconfig + " " + ran.name()));
        assertFalse(model.canOpenPodsProperty().get(), "nothing to open before a run");

        assertTrue(model.confirmAndStart(plan, RunKind.INSTALL));
        model.flushEvents();
        assertTrue(model.canOpenPodsProperty().get());
        model.openPodList();

        assertEquals(List.of(runs.resolve("admin.conf") + " " + plan.name()), openedWith);
    }

    @Test
    void openPodListStaysShutAfterAFailedRun() {
        var launcher = new ReplayingRunLauncher(Duration.ZERO, runs, Runnable::run).failOnce("worker002", "kubelet/start");
        RunViewModel model = model(launcher);
        List<Path> openedWith = new ArrayList<>();
        model.setPodListOpener((kubeconfig, ran) -> openedWith.add(kubeconfig));

        assertTrue(model.confirmAndStart(plan, RunKind.INSTALL));
        model.flushEvents();
        model.openPodList();

        assertFalse(model.canOpenPodsProperty().get());
        assertTrue(openedWith.isEmpty());
    }

    @Test
    void aNewRunOfAChangedPlanShowsOnlyItsNodes() {
        RunViewModel model = model(new ReplayingRunLauncher(Duration.ZERO, runs, Runnable::run));
        model.start(plan, RunKind.INSTALL, Set.of());
        model.flushEvents();
        model.select("worker002");
        model.start(plan.withNodes(plan.nodes().subList(0, 3)), RunKind.INSTALL, Set.of());
        model.flushEvents();

        assertEquals(List.of("master001", "master002", "master003"), model.state().rows().stream().map(NodeProgress::node).toList());
        assertTrue(model.state().selectedLog().isEmpty());
        assertEquals(Optional.empty(), model.state().selectedProperty().get());
    }

    @Test
    void theRunIsConfirmedWithAButtonThatNamesIt() {
        RunViewModel model = model(new ReplayingRunLauncher(Duration.ZERO, runs, Runnable::run));
        dialogs.confirmNext(false);

        assertFalse(model.confirmAndStart(plan, RunKind.UPGRADE));
        assertEquals("Upgrade now", dialogs.asked("confirm").get(0).action());
        assertTrue(model.state().rows().isEmpty());
    }

    @Test
    void aFailedNodeShowsFailedWithItsLogWhileOthersFinish() {
        var launcher = new ReplayingRunLauncher(Duration.ZERO, runs, Runnable::run).failOnce("worker002", "kubelet/start");
        RunViewModel model = model(launcher);
        model.start(plan, RunKind.INSTALL, Set.of());
        model.flushEvents();
        model.select("worker002");

        assertEquals(NodeStatus.FAILED, status(model, "worker002"));
        assertEquals(NodeStatus.DONE, status(model, "worker001"));
        assertTrue(model.state().rowOf("worker002").orElseThrow().messageProperty().get().contains("did not become healthy"));
        LogEntry last = model.state().selectedLog().get(model.state().selectedLog().size() - 1);
        assertEquals(LogLevel.ERROR, last.level());
        assertEquals("kubelet/start", last.phase());
        assertTrue(model.summaryTextProperty().get().contains("failed on 1 of 6 nodes: worker002"));
    }

    @Test
    void retryRunsOnlyTheNodesThatFailedAndThenAllAreDone() {
        var launcher = new ReplayingRunLauncher(Duration.ZERO, runs, Runnable::run).failOnce("worker002", "kubelet/start");
        RunViewModel model = model(launcher);
        model.start(plan, RunKind.INSTALL, Set.of());
        model.flushEvents();
        assertTrue(model.canRetryProperty().get());

        model.retryFailed();
        model.flushEvents();

        assertEquals(Set.of("worker002"), launcher.starts().get(1).onlyNodes());
        model.state().rows().forEach(row -> assertEquals(NodeStatus.DONE, row.status(), row.node()));
        assertFalse(model.canRetryProperty().get());
    }

    @Test
    void cancelAsksFirstThenCancelsTheRun() {
        AtomicBoolean cancelled = new AtomicBoolean();
        RunLauncher neverEnds = (p, kind, only, listener) -> new RunHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public Path runFolder() {
                return runs;
            }

            @Override
            public Optional<Path> adminKubeconfig() {
                return Optional.empty();
            }
        };
        RunViewModel model = model(neverEnds);
        model.start(plan, RunKind.INSTALL, Set.of());
        dialogs.confirmNext(false);
        model.cancel();
        assertFalse(cancelled.get());

        model.cancel();
        assertTrue(cancelled.get());
        assertTrue(model.cancellingProperty().get());
        assertEquals("Cancel install", dialogs.asked("confirm").get(1).action());
        assertEquals("Keep running", dialogs.asked("confirm").get(1).dismiss());
    }

    /** A launcher whose run goes on until the test finishes it; records the cancel. */
    private RunLauncher neverEnds(AtomicBoolean cancelled) {
        return (p, kind, only, listener) -> new RunHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public Path runFolder() {
                return runs;
            }

            @Override
            public Optional<Path> adminKubeconfig() {
                return Optional.empty();
            }
        };
    }

    private static void finishTheRun(RunViewModel model) {
        model.state().apply(List.of(new ProgressEvent.RunFinished(Instant.now(), new dev.mast.workflow.RunSummary("install",
                List.of(), false, Duration.ofSeconds(3)))));
    }

    @Test
    void aRunThatEndsWhileTheCancelIsAskedIsNotCancelledAndShowsNoCancelling() {
        AtomicBoolean cancelled = new AtomicBoolean();
        RunViewModel model = model(neverEnds(cancelled));
        model.start(plan, RunKind.INSTALL, Set.of());
        dialogs.whileConfirming(() -> finishTheRun(model)).confirmNext(true);

        model.cancel();

        assertFalse(cancelled.get());
        assertFalse(model.cancellingProperty().get());
    }

    @Test
    void quittingDuringARunCancelsItAndClosesTheWindowOnceItHasStopped() {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean closed = new AtomicBoolean();
        RunViewModel model = model(neverEnds(cancelled));
        assertTrue(model.mayCloseWindow(() -> closed.set(true)), "nothing runs: the window closes at once");
        model.start(plan, RunKind.INSTALL, Set.of());

        dialogs.confirmNext(false);
        assertFalse(model.mayCloseWindow(() -> closed.set(true)));
        assertFalse(cancelled.get());

        assertFalse(model.mayCloseWindow(() -> closed.set(true)));
        assertEquals("Cancel run and quit", dialogs.asked("confirm").get(1).action());
        assertTrue(cancelled.get());
        assertTrue(model.closingProperty().get());
        assertFalse(closed.get(), "the running steps finish first");
        assertFalse(model.mayCloseWindow(() -> closed.set(true)), "asking again while it stops changes nothing");
        assertEquals(2, dialogs.asked("confirm").size());

        finishTheRun(model);
        assertTrue(closed.get());
    }

    @Test
    void aLauncherThatCannotStartShowsWhyAndRunsNothing() {
        RunViewModel model = model((p, kind, only, listener) -> {
            throw new java.io.IOException("cannot create run folder /runs: permission denied");
        });

        assertFalse(model.start(plan, RunKind.INSTALL, Set.of()));
        assertFalse(model.runningProperty().get());
        assertTrue(dialogs.asked("error").get(0).message().contains("permission denied"));
    }

    @Test
    void openRunFolderOpensTheRunsFolder() {
        RunViewModel model = model(new ReplayingRunLauncher(Duration.ZERO, runs, Runnable::run));
        model.start(plan, RunKind.INSTALL, Set.of());
        model.openRunFolder();

        assertEquals(List.of(runs), opened);
    }

    @Test
    void theSelectedNodesLogKeepsTheNewestLinesAndCountsTheRest() {
        RunViewModel model = model(new ReplayingRunLauncher(Duration.ZERO, runs, Runnable::run));
        RunState state = model.state();
        state.apply(List.of(new ProgressEvent.RunStarted(Instant.EPOCH, "install", List.of("node001"), Map.of("node001", 1))));
        model.select("node001");
        List<ProgressEvent> lines = new ArrayList<>();
        int total = RunState.LOG_LINES + 1_000;
        for (int i = 1; i <= total; i++) {
            lines.add(new ProgressEvent.LogLine(Instant.EPOCH, "node001", "etcd/start", LogLevel.STDOUT, "line " + i));
        }
        state.apply(lines.subList(0, 3_000));
        state.apply(lines.subList(3_000, total));

        assertEquals(RunState.LOG_LINES, state.selectedLog().size());
        assertEquals("line " + total, state.selectedLog().get(state.selectedLog().size() - 1).text());
        assertEquals(1_000, state.selectedDroppedProperty().get());
        assertEquals(state.logOf("node001"), state.selectedLog());
    }

    @Test
    void elapsedTimeMovesOnWhileANodeRunsAndStopsWhenItEnds() {
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        RunViewModel model = model(new ReplayingRunLauncher(Duration.ZERO, runs, Runnable::run),
                Clock.fixed(start.plusSeconds(75), ZoneOffset.UTC));
        RunState state = model.state();
        state.apply(List.of(new ProgressEvent.RunStarted(start, "install", List.of("node001"), Map.of("node001", 2)),
                new ProgressEvent.StepChanged(start, "node001", "preflight", "Check the node", StepState.RUNNING, "")));
        model.tick();
        NodeProgress row = state.rowOf("node001").orElseThrow();
        assertEquals("1:15", row.elapsedProperty().get());
        assertEquals(NodeStatus.RUNNING, row.status());

        state.apply(List.of(new ProgressEvent.StepChanged(start.plusSeconds(5), "node001", "preflight", "Check the node", StepState.DONE, "done"),
                new ProgressEvent.StepChanged(start.plusSeconds(6), "node001", "etcd/start", "Start etcd", StepState.DONE, "done")));
        model.tick();
        assertEquals("0:06", row.elapsedProperty().get());
        assertEquals(NodeStatus.DONE, row.status());
        assertEquals("2 / 2", row.stepsProperty().get());
    }
}
