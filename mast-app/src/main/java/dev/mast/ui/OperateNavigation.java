package dev.mast.ui;

import dev.mast.plan.Plan;
import dev.mast.ui.common.DialogService;
import dev.mast.ui.pods.ClusterChoiceViewModel;
import dev.mast.ui.pods.OperateSession;
import dev.mast.ui.common.UiThreads;
import dev.mast.ui.wizard.PlanDraft;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Switches the main window between the wizard and the operate screens (the pod list and its log
 * viewers). Opening builds an {@link OperateSession} for one cluster: with the plan's nodes, when
 * a plan is known, so the pod list and the logs can come from the nodes' runtimes over SSH while
 * the API server is down. Going back closes it (the watch stops, the cluster client and the SSH
 * connections close); the wizard and its plan are never touched.
 */
public final class OperateNavigation implements AutoCloseable {
    private final UiThreads threads;
    private final NodeAccess nodeAccess;
    private final DialogService dialogs;
    private final PlanDraft draft;
    private final Clock clock;
    private final Path home;
    private final ReadOnlyObjectWrapper<Optional<OperateSession>> session =
            new ReadOnlyObjectWrapper<>(this, "session", Optional.empty());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper nodesNote = new ReadOnlyStringWrapper(this, "nodesNote", "");

    /** @param home the user's home: the kubeconfig chooser starts in its {@code .kube} folder */
    public OperateNavigation(UiThreads threads, NodeAccess nodeAccess, DialogService dialogs, PlanDraft draft,
                             Clock clock, Path home) {
        this.threads = threads;
        this.nodeAccess = nodeAccess;
        this.dialogs = dialogs;
        this.draft = draft;
        this.clock = clock;
        this.home = home;
    }

    /** After a run: the cluster just installed or upgraded, with the admin kubeconfig the run saved. */
    public void openAfterRun(Path adminKubeconfig, Plan plan) {
        open(List.of(adminKubeconfig), Optional.of(plan), "Pods and logs of " + plan.name());
    }

    /** From the Start page: kubectl's kubeconfig ({@code KUBECONFIG}, else {@code ~/.kube/config}). */
    public void openWithKubectlConfig() {
        open(List.of(), loadedPlan(), "Pods and logs of a running cluster");
    }

    /** From the Start page: a kubeconfig the user picks, such as a cluster's admin.conf. */
    public void chooseKubeconfig() {
        dialogs.chooseFileToOpen("Choose a kubeconfig", Optional.of(home.resolve(".kube")),
                        "Kubeconfig files", ClusterChoiceViewModel.KUBECONFIG_PATTERNS)
                .ifPresent(file -> open(List.of(file), loadedPlan(), "Pods and logs of a running cluster"));
    }

    /** Shows the operate screens for the cluster of these kubeconfigs (kubectl's own when empty). */
    public void open(List<Path> kubeconfigs, Optional<Plan> plan, String heading) {
        back();
        var sessions = plan.filter(p -> !p.nodes().isEmpty()).map(nodeAccess::sessions);
        var opened = new OperateSession(threads, plan, sessions, dialogs, clock);
        opened.connect(kubeconfigs);
        title.set(heading);
        nodesNote.set(opened.nodesKnown()
                ? "While the API server is down, Mast asks the " + nodes(plan.get()) + " of the plan over SSH."
                : "Without a plan, only the API server is asked; load a plan first to see its nodes' containers when it is down.");
        session.set(Optional.of(opened));
    }

    /** Back to the wizard, as it was; the operate screens stop watching and close their connections. */
    public void back() {
        Optional<OperateSession> current = session.get();
        session.set(Optional.empty());
        title.set("");
        nodesNote.set("");
        current.ifPresent(OperateSession::close);
    }

    /**
     * The wizard's plan, when it names nodes and is valid: the nodes to ask while the API server is
     * down. A half-written plan would only send SSH connections to wrong places.
     */
    Optional<Plan> loadedPlan() {
        Plan plan = draft.toPlan();
        return plan.nodes().isEmpty() || draft.report().hasErrors() ? Optional.empty() : Optional.of(plan);
    }

    private static String nodes(Plan plan) {
        return plan.nodes().size() == 1 ? "node" : plan.nodes().size() + " nodes";
    }

    public ReadOnlyObjectProperty<Optional<OperateSession>> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public boolean showing() {
        return session.get().isPresent();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the nodes of the plan add while the API server is down, or how to get them. */
    public ReadOnlyStringProperty nodesNoteProperty() {
        return nodesNote.getReadOnlyProperty();
    }

    @Override
    public void close() {
        back();
    }
}
