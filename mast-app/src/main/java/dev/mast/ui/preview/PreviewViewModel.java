package dev.mast.ui.preview;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.plan.Role;
import dev.mast.files.NodeFile;
import dev.mast.render.RenderedCluster;
import dev.mast.sources.SourcesSummary;
import dev.mast.ui.AppServices;
import dev.mast.ui.PlanRenderer;
import dev.mast.ui.RunKind;
import dev.mast.ui.common.BackgroundExecutor;
import dev.mast.ui.common.DialogService;
import dev.mast.ui.common.UiSettings;
import dev.mast.ui.wizard.PlanDraft;
import dev.mast.ui.wizard.WizardStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Preview page: renders the plan when the page is shown (again only if the plan changed),
 * lists every node's files, shows the selected one (never a secret's content), and saves the
 * plan or exports the files. The run may start only from a rendered plan.
 */
public final class PreviewViewModel implements WizardStep {

    public enum State { RENDERING, READY, FAILED }

    private final PlanDraft draft;
    private final PlanRenderer renderer;
    private final BackgroundExecutor background;
    private final DialogService dialogs;
    private final UiSettings settings;
    private final FileViewerModel viewer = new FileViewerModel();
    private final ComparisonModel comparison;
    private final ObservableList<PreviewNode> nodes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Optional<PreviewFile>> selected = new ReadOnlyObjectWrapper<>(this, "selected", Optional.empty());
    private final ReadOnlyStringWrapper fileTitle = new ReadOnlyStringWrapper(this, "fileTitle", "");
    private final ReadOnlyStringWrapper podName = new ReadOnlyStringWrapper(this, "podName", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanBinding valid;
    private final StringBinding blockedReason;
    private final BooleanBinding upgrade;
    private RenderedCluster rendered;
    private Plan renderedPlan;
    private RunKind renderedKind;
    private Object wanted;

    public PreviewViewModel(PlanDraft draft, AppServices services, BackgroundExecutor background, DialogService dialogs,
                            UiSettings settings) {
        this.draft = draft;
        this.renderer = services.renderer();
        this.background = background;
        this.dialogs = dialogs;
        this.settings = settings;
        this.comparison = new ComparisonModel(services.upgradeInspector(), background);
        state.set(State.RENDERING);
        valid = Bindings.createBooleanBinding(() -> state.get() == State.READY, state);
        blockedReason = Bindings.createStringBinding(this::reason, state);
        upgrade = Bindings.equal(draft.kindProperty(), RunKind.UPGRADE);
    }

    private String reason() {
        if (state.get() == State.RENDERING) {
            return "Wait until the files are rendered";
        }
        if (state.get() == State.FAILED) {
            return "The files could not be rendered; go back and fix the plan";
        }
        return "";
    }

    @Override
    public void activate() {
        Plan plan = draft.toPlan();
        if (!plan.equals(renderedPlan) || draft.kindProperty().get() != renderedKind || state.get() == State.FAILED) {
            render(plan, draft.kindProperty().get());
        }
    }

    private void render(Plan plan, RunKind kind) {
        Object request = new Object();
        wanted = request;
        state.set(State.RENDERING);
        status.set("Rendering the files of " + plan.nodes().size() + " nodes…");
        nodes.clear();
        select(null);
        comparison.reset();
        background.submit(() -> rendered(renderer, plan, kind), result -> {
            if (wanted == request) {
                renderedKind = kind;
                showRendered(plan, kind, result);
            }
        }, error -> {
            if (wanted == request) {
                state.set(State.FAILED);
                status.set("The files could not be rendered: " + error.getMessage());
            }
        });
    }

    /** The files of a run, how each node is reached and what the run does on it, made together off the FX thread. */
    private record Rendered(RenderedCluster cluster, Map<String, String> connections, Map<String, List<String>> steps) { }

    private static Rendered rendered(PlanRenderer renderer, Plan plan, RunKind kind) throws Exception {
        RenderedCluster cluster = renderer.render(plan, kind);
        Map<String, List<String>> steps;
        try {
            steps = renderer.steps(plan, kind, cluster);
        } catch (Exception e) {
            // The files are still worth reading: each node's steps say why they are missing.
            String why = "The steps could not be worked out: " + e.getMessage();
            steps = plan.nodes().stream().collect(Collectors.toMap(Node::hostName, n -> List.of(why)));
        }
        return new Rendered(cluster, renderer.connections(plan), steps);
    }

    private void showRendered(Plan plan, RunKind kind, Rendered result) {
        RenderedCluster cluster = result.cluster();
        rendered = cluster;
        renderedPlan = plan;
        List<PreviewNode> tree = new ArrayList<>();
        int files = 0;
        for (Node node : plan.nodes()) {
            List<PreviewFile> nodeFiles = cluster.filesFor(node.hostName()).stream().map(f -> new PreviewFile(node.hostName(), f)).toList();
            files += nodeFiles.size();
            String roles = node.sortedRoles().stream().map(Role::key).collect(Collectors.joining(", "));
            PreviewSteps steps = new PreviewSteps(node.hostName(), kind.verb(), result.steps().getOrDefault(node.hostName(), List.of()));
            tree.add(new PreviewNode(node.hostName(), roles, nodeFiles, result.connections().getOrDefault(node.hostName(), ""),
                    String.join("\n", SourcesSummary.forNode(plan, node)), steps));
        }
        nodes.setAll(tree);
        state.set(State.READY);
        status.set(files + " files on " + plan.nodes().size() + " nodes. Select a file to read it.");
        // Open on the first static pod manifest: what most people come to the preview for.
        List<PreviewFile> shown = tree.stream().flatMap(n -> n.files().stream()).filter(f -> !f.file().secret()).toList();
        shown.stream().filter(f -> f.file().path().startsWith(PodNames.MANIFESTS)).findFirst()
                .or(() -> shown.stream().findFirst()).ifPresent(this::select);
    }

    /**
     * Shows how Mast reaches the node (its SSH settings and where each came from) and where the node gets its
     * programs; nothing of it is written.
     */
    public void selectNode(PreviewNode node) {
        selected.set(Optional.empty());
        podName.set("");
        comparison.clear("");
        List<String> parts = new ArrayList<>();
        List<String> title = new ArrayList<>();
        if (!node.connection().isEmpty()) {
            parts.add(node.connection().stripTrailing());
            title.add("SSH connection to " + node.hostName() + " · where each setting comes from");
        }
        if (!node.sources().isEmpty()) {
            parts.add(node.sources());
            title.add(title.isEmpty() ? "Where " + node.hostName() + " gets its programs" : "where its programs come from");
        }
        if (parts.isEmpty()) {
            viewer.clear();
            fileTitle.set(node.hostName() + ": select a file to read it");
            return;
        }
        viewer.show(String.join("\n\n", parts) + "\n");
        fileTitle.set(String.join(" · ", title));
    }

    /** Shows what the run does on the node, step by step: a dry run's lines; nothing of it has run. */
    public void selectSteps(PreviewSteps steps) {
        selected.set(Optional.empty());
        podName.set("");
        comparison.clear("");
        if (steps.lines().isEmpty()) {
            viewer.clear();
            fileTitle.set(steps.hostName() + ": the steps of the " + steps.verb() + " are not known");
            return;
        }
        viewer.show(String.join("\n", steps.lines()) + "\n");
        fileTitle.set("What the " + steps.verb() + " does on " + steps.hostName() + ", step by step · nothing has run yet");
    }

    /** Shows a file; a secret one only by name. {@code null} clears the selection. */
    public void select(PreviewFile file) {
        selected.set(Optional.ofNullable(file));
        if (file == null) {
            viewer.clear();
            fileTitle.set("");
            podName.set("");
            comparison.clear("");
            return;
        }
        NodeFile f = file.file();
        String mode = String.format("%04o", f.mode());
        if (f.secret()) {
            viewer.clear();
            fileTitle.set(f.path() + " on " + file.node() + " · mode " + mode);
            podName.set("");
        } else {
            viewer.show(f.text());
            fileTitle.set(f.path() + " on " + file.node() + " · mode " + mode + " · " + viewer.lines().size() + " lines");
            podName.set(PodNames.of(f, file.node()).map(name -> "Runs as pod " + name + " in " + PodNames.namespace(f)).orElse(""));
        }
        if (upgrade.get()) {
            renderedPlan.nodes().stream().filter(n -> n.hostName().equals(file.node())).findFirst()
                    .ifPresent(node -> comparison.show(renderedPlan, node, f));
        }
    }

    public void savePlan() {
        Optional<Path> initial = draft.fileProperty().get().or(settings::lastPlan)
                .or(() -> Optional.of(Path.of(System.getProperty("user.home"), draft.toPlan().name() + ".yaml")));
        dialogs.chooseFileToSave("Save the plan", initial).ifPresent(this::savePlan);
    }

    public void savePlan(Path file) {
        Plan plan = draft.toPlan();
        background.submit(() -> {
            PlanFile.write(plan, file);
            return file;
        }, saved -> {
            draft.setFile(saved);
            settings.setLastPlan(saved);
            message.set("Saved the plan to " + saved + ".");
        }, error -> dialogs.showError("Cannot save the plan", file + " could not be written: " + error.getMessage()
                + ". The file was not changed.", String.valueOf(error)));
    }

    public void exportFiles() {
        if (rendered != null) {
            dialogs.chooseFolder("Export all files to a folder", settings.lastExportFolder()).ifPresent(this::exportFiles);
        }
    }

    public void exportFiles(Path folder) {
        RenderedCluster cluster = rendered;
        background.submit(() -> ClusterExport.write(cluster, folder), result -> {
            settings.setLastExportFolder(folder);
            message.set("Wrote " + result.files() + " files of " + result.nodes() + " nodes to " + folder + ", a folder per node."
                    + (result.secretsLeftOut() == 0 ? "" : " " + result.secretsLeftOut() + " private keys were left out; a run copies them to the nodes."));
        }, error -> dialogs.showError("Cannot export the files", "The files could not be written to " + folder + ": "
                + error.getMessage(), String.valueOf(error)));
    }

    public boolean canExport() {
        return rendered != null;
    }

    public FileViewerModel viewer() {
        return viewer;
    }

    public ComparisonModel comparison() {
        return comparison;
    }

    public ObservableList<PreviewNode> nodes() {
        return nodes;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<PreviewFile>> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileTitleProperty() {
        return fileTitle.getReadOnlyProperty();
    }

    /** {@code Runs as pod kube-apiserver-node001 in kube-system}, for static pod manifests. */
    public ReadOnlyStringProperty podNameProperty() {
        return podName.getReadOnlyProperty();
    }

    /** What the last save or export did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding upgradeProperty() {
        return upgrade;
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return valid;
    }

    @Override
    public ObservableStringValue blockedReasonProperty() {
        return blockedReason;
    }
}
