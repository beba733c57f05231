package dev.mast.ui.run;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.ui.RunHandle;
import dev.mast.ui.RunKind;
import dev.mast.ui.RunLauncher;
import dev.mast.ui.common.DialogService;
import dev.mast.ui.common.FolderOpener;
import dev.mast.concurrent.Batcher;
import dev.mast.ui.wizard.WizardStep;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.RunSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * The Run page: starts the run through the {@link RunLauncher}, feeds its events through a
 * {@link Batcher} into the {@link RunState}, and holds the commands: cancel, retry the nodes
 * that failed or did not finish, open the run folder.
 */
public final class RunViewModel implements WizardStep {
    /**
     * Ten updates a second look live, and each costs the FX thread a layout pass of the table and
     * the log; at 200 nodes twice as many would double that for nothing a person could see.
     */
    static final java.time.Duration BATCH_INTERVAL = java.time.Duration.ofMillis(100);

    private static final ObservableBooleanValue NO_NEXT = new ReadOnlyBooleanWrapper(false);
    private static final ObservableStringValue NO_REASON = new javafx.beans.property.ReadOnlyStringWrapper("");

    private final RunLauncher launcher;
    private final DialogService dialogs;
    private final FolderOpener folders;
    private final Clock clock;
    private final RunState state;
    private final Batcher<ProgressEvent> batcher;
    private final ReadOnlyObjectWrapper<Optional<RunHandle>> handle = new ReadOnlyObjectWrapper<>(this, "handle", Optional.empty());
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyBooleanWrapper closing = new ReadOnlyBooleanWrapper(this, "closing");
    private final BooleanBinding canRetry;
    private final BooleanBinding canOpenPods;
    private final StringBinding summaryText;
    private Plan plan;
    private RunKind kind = RunKind.INSTALL;

    private java.util.function.BiConsumer<Path, Plan> podListOpener = (kubeconfig, ran) -> { };

    /** @param uiThread where event batches are applied: {@code Platform::runLater} in the app */
    public RunViewModel(RunLauncher launcher, DialogService dialogs, FolderOpener folders, Clock clock, Executor uiThread) {
        this.launcher = launcher;
        this.dialogs = dialogs;
        this.folders = folders;
        this.clock = clock;
        this.state = new RunState(RunState.LOG_LINES);
        this.batcher = Batcher.uncapped(BATCH_INTERVAL, uiThread, batch -> state.apply(batch.items()));
        canRetry = Bindings.createBooleanBinding(() -> !state.runningProperty().get() && !nodesToRetry().isEmpty(),
                state.runningProperty(), state.summaryProperty());
        summaryText = Bindings.createStringBinding(this::describe, state.summaryProperty(), handle);
        canOpenPods = Bindings.createBooleanBinding(() -> !state.runningProperty().get() && handle.get().isPresent()
                && state.summaryProperty().get().map(RunSummary::succeeded).orElse(false), state.runningProperty(),
                state.summaryProperty(), handle);
        state.runningProperty().addListener((obs, was, now) -> cancelling.set(cancelling.get() && now));
    }

    /** Asks before touching the nodes, then starts; false if the user declined or the run could not start. */
    public boolean confirmAndStart(Plan plan, RunKind kind) {
        String version = plan.kubernetesVersion();
        String nodes = plan.nodes().size() == 1 ? "1 node" : plan.nodes().size() + " nodes";
        String what = kind == RunKind.INSTALL ? "install Kubernetes " + version + " on " + nodes
                : "move the control plane of " + nodes + " from systemd services to static pods";
        boolean go = dialogs.confirm(kind.title() + " on " + nodes + "?",
                "Mast will connect to every node over SSH and " + what + ". Each node's log is written to a run folder.",
                kind.title() + " now");
        return go && start(plan, kind, Set.of());
    }

    /** Starts a run on {@code onlyNodes} of the plan (all when empty); false if the launcher refused. */
    public boolean start(Plan plan, RunKind kind, Set<String> onlyNodes) {
        this.plan = plan;
        this.kind = kind;
        state.prepare(plan.nodes().stream().map(Node::hostName).filter(n -> onlyNodes.isEmpty() || onlyNodes.contains(n)).toList(),
                onlyNodes.isEmpty());
        try {
            handle.set(Optional.of(launcher.start(plan, kind, onlyNodes, batcher::add)));
            return true;
        } catch (Exception e) {
            state.abort();
            dialogs.showError("Cannot start the " + kind.verb(), "The " + kind.verb() + " did not start: " + e.getMessage()
                    + ". Nothing was changed on the nodes.", String.valueOf(e));
            return false;
        }
    }

    public void cancel() {
        if (!state.runningProperty().get() || handle.get().isEmpty()) {
            return;
        }
        // The dialog closes by itself if the run ends meanwhile: there is nothing left to cancel then.
        if (dialogs.confirmWhile("Cancel the " + kind.verb() + "?", "Mast starts no new steps; steps already running finish first. "
                + "Run again later to continue where it stopped.", "Cancel " + kind.verb(), "Keep running", state.runningProperty())) {
            cancelling.set(true);
            handle.get().get().cancel();
        }
    }

    /**
     * The window is asked to close: true when it may close now. During a run it asks first; if the user
     * quits, it cancels the run and calls {@code close} once the running steps have finished, so nothing is
     * cut off on the nodes or in the run folder.
     */
    public boolean mayCloseWindow(Runnable close) {
        if (!state.runningProperty().get() || handle.get().isEmpty()) {
            return true;
        }
        if (closing.get()) {
            return false;
        }
        if (!dialogs.confirmWhile("Quit while the run is in progress?", "Mast will cancel the run: running steps finish, no new ones "
                + "start, then Mast closes. Run again later to continue.", "Cancel run and quit", "Keep running", state.runningProperty())) {
            return !state.runningProperty().get();
        }
        closing.set(true);
        cancelling.set(true);
        state.runningProperty().addListener((obs, was, running) -> {
            if (!running) {
                close.run();
            }
        });
        handle.get().get().cancel();
        return false;
    }

    /** Runs again on the nodes that failed or did not finish; steps already done are skipped. */
    public void retryFailed() {
        Set<String> nodes = nodesToRetry();
        if (canRetry.get() && plan != null) {
            start(plan, kind, nodes);
        }
    }

    Set<String> nodesToRetry() {
        Set<String> nodes = new LinkedHashSet<>();
        state.rows().stream().filter(r -> r.status().needsRetry()).forEach(r -> nodes.add(r.node()));
        return nodes;
    }

    public void openRunFolder() {
        runFolder().ifPresent(folders::open);
    }

    public Optional<Path> runFolder() {
        return handle.get().map(RunHandle::runFolder);
    }

    private String describe() {
        Optional<RunSummary> summary = state.summaryProperty().get();
        if (summary.isEmpty()) {
            return "";
        }
        String text = summary.get().describe();
        Optional<Path> kubeconfig = handle.get().flatMap(RunHandle::adminKubeconfig);
        if (summary.get().succeeded() && kubeconfig.isPresent()) {
            text += " The admin kubeconfig is " + kubeconfig.get() + "; use it with kubectl --kubeconfig " + kubeconfig.get() + ".";
        }
        return text;
    }

    /** Applies queued events now: the benchmark's last batch, and tests without a running toolkit. */
    public void flushEvents() {
        batcher.deliverNow();
    }

    public void tick() {
        state.tick(clock.instant());
    }

    public void select(String node) {
        state.select(node);
    }

    @Override
    public void activate() {
        active.set(true);
        tick();
    }

    @Override
    public void deactivate() {
        active.set(false);
    }

    public RunState state() {
        return state;
    }

    public Batcher<ProgressEvent> batcher() {
        return batcher;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return state.runningProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** The user quit during the run: the window closes once the run has stopped. */
    public ReadOnlyBooleanProperty closingProperty() {
        return closing.getReadOnlyProperty();
    }

    public BooleanBinding canRetryProperty() {
        return canRetry;
    }

    public ReadOnlyObjectProperty<Optional<RunHandle>> handleProperty() {
        return handle.getReadOnlyProperty();
    }

    /** True while the page is shown: the view ticks the elapsed times only then. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public StringBinding summaryTextProperty() {
        return summaryText;
    }

    /** Where "Open pod list" goes: the main window's operate screens. */
    public void setPodListOpener(java.util.function.BiConsumer<Path, Plan> opener) {
        this.podListOpener = opener;
    }

    /** Opens the pod list of the cluster just installed or upgraded, with the admin kubeconfig the run saved. */
    public void openPodList() {
        if (!canOpenPods.get() || plan == null) {
            return;
        }
        Optional<Path> kubeconfig = handle.get().flatMap(RunHandle::adminKubeconfig);
        if (kubeconfig.isEmpty()) {
            dialogs.showError("No admin kubeconfig", "The " + kind.verb() + " did not save an admin kubeconfig, so Mast cannot "
                    + "reach the cluster's API server. Use \"Pods and logs of a running cluster\" on the Start page with a "
                    + "kubeconfig of your own.", "");
            return;
        }
        podListOpener.accept(kubeconfig.get(), plan);
    }

    /** True once a run finished well: its admin kubeconfig reaches the cluster. */
    public BooleanBinding canOpenPodsProperty() {
        return canOpenPods;
    }

    public String podListUnavailableReason() {
        return "The pod list opens once a run has finished well, with the admin kubeconfig it saved. "
                + "For another cluster, use \"Pods and logs of a running cluster\" on the Start page.";
    }

    /** There is no page after this one. */
    @Override
    public ObservableBooleanValue validProperty() {
        return NO_NEXT;
    }

    @Override
    public ObservableStringValue blockedReasonProperty() {
        return NO_REASON;
    }

    List<NodeProgress> rows() {
        return state.rows();
    }
}
