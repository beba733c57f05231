package dev.mast.bench;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import dev.mast.ui.RunKind;
import dev.mast.ui.common.DialogService;
import dev.mast.ui.common.Themes;
import dev.mast.ui.run.RunView;
import dev.mast.ui.run.RunViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code mast bench progress}: shows the Run view with many nodes and feeds it a synthetic run
 * from one thread per node, then reports how many events per second it applied and how busy
 * that kept the FX thread. Busy time is what the FX thread spends applying batches plus its
 * layout pulses (pre- to post-layout); its CPU time is reported as a cross-check.
 */
public final class ProgressBench {
    private static final long NO_THREAD = -1;

    private ProgressBench() {
    }

    /** Runs the benchmark; blocks for about {@code duration}. Starts the FX toolkit if it is not running. */
    public static BenchReport run(int nodes, Duration duration) throws Exception {
        if (nodes < 1) {
            throw new IllegalArgumentException("the benchmark needs at least one node, got " + nodes);
        }
        FxToolkit.start();
        SyntheticRun run = new SyntheticRun(duration);
        Bench bench = onFx(() -> new Bench(run, nodes));
        CountDownLatch finished = new CountDownLatch(1);
        onFx(() -> {
            bench.model.state().summaryProperty().addListener((obs, old, now) -> now.ifPresent(s -> finished.countDown()));
            bench.start(plan(nodes));
            return null;
        });
        if (!finished.await(duration.toMillis() + 120_000, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the synthetic run did not finish");
        }
        return onFx(bench::report);
    }

    /** The view, the model and the meters, all touched on the FX thread only. */
    private static final class Bench {
        private final RunViewModel model;
        private final Stage stage = new Stage();
        private final SyntheticRun run;
        private final int nodes;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long fxThread = Thread.currentThread().getId();
        private long pulseStart;
        private long pulseNanos;
        private long startNanos;
        private long startCpu;

        Bench(SyntheticRun run, int nodes) {
            this.run = run;
            this.nodes = nodes;
            model = new RunViewModel(run, refusingDialogs(), folder -> { }, Clock.systemUTC(), Platform::runLater);
            Scene scene = new Scene(new RunView(model).root(), 1366, 768);
            scene.getStylesheets().add(Themes.stylesheet());
            Themes.apply(false);
            scene.addPreLayoutPulseListener(() -> pulseStart = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> pulseNanos += System.nanoTime() - pulseStart);
            stage.setScene(scene);
            stage.setTitle("Mast progress benchmark");
            stage.show();
            model.activate();
        }

        void start(Plan plan) {
            startNanos = System.nanoTime();
            pulseNanos = 0;
            startCpu = cpu();
            model.start(plan, RunKind.INSTALL, Set.of());
            // The log pane streams one node's lines, as when a user watches a node.
            model.select(plan.nodes().get(0).hostName());
        }

        BenchReport report() {
            model.flushEvents();
            double wallNanos = System.nanoTime() - startNanos;
            long cpu = cpu();
            double busy = model.batcher().busyNanos() + pulseNanos;
            var state = model.state();
            model.deactivate();
            stage.hide();
            return new BenchReport(state.appliedEvents() / (wallNanos / 1e9), 100 * busy / wallNanos,
                    100 * model.batcher().busyNanos() / wallNanos, 100 * pulseNanos / wallNanos, cpu == NO_THREAD ? Double.NaN : 100 * (cpu - startCpu) / wallNanos, nodes, state.logLines(), wallNanos / 1e9,
                    state.appliedEvents(), run.emitted(), model.batcher().batches());
        }

        private long cpu() {
            return threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(fxThread) : NO_THREAD;
        }
    }

    static Plan plan(int count) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            EnumSet<Role> roles = i <= 3 ? EnumSet.of(Role.ETCD, Role.MASTER) : EnumSet.of(Role.WORKER);
            nodes.add(new Node(String.format("node%03d", i), "10.0." + (i / 250) + "." + (i % 250 + 1),
                    "10.0." + (i / 250) + "." + (i % 250 + 1), roles, SshSettings.DEFAULT));
        }
        return Plan.defaults("bench").withNodes(nodes).withExtraFlags(Map.of());
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** The benchmark never asks anything; a question would be a bug. */
    /** Dialogs a benchmark never expects: asking anything fails it. */
    static DialogService refusingDialogs() {
        return new DialogService() {
            @Override
            public boolean confirm(String title, String message, String action, String dismiss) {
                throw new IllegalStateException("the benchmark asked: " + title);
            }

            @Override
            public void showError(String title, String message, String details) {
                throw new IllegalStateException(title + ": " + message);
            }

            @Override
            public void showInfo(String title, String message) {
            }

            @Override
            public Optional<String> askForText(String title, String message, String action) {
                return Optional.empty();
            }

            @Override
            public Optional<char[]> askForSecret(String title, String message, String fieldLabel, String action) {
                throw new IllegalStateException("the benchmark asked for a secret: " + title);
            }

            @Override
            public Optional<Path> chooseFileToOpen(String title, Optional<Path> initialFolder, String description, List<String> extensions) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseFileToSave(String title, Optional<Path> initialFile) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseFolder(String title, Optional<Path> initialFolder) {
                return Optional.empty();
            }
        };
    }
}
