package dev.mast.ui.wizard;

import dev.mast.plan.ImportResult;
import dev.mast.plan.KismaticImport;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.plan.PlanFileException;
import dev.mast.plan.Problem;
import dev.mast.ui.RunKind;
import dev.mast.ui.SimulatedClusterStarter;
import dev.mast.ui.common.BackgroundExecutor;
import dev.mast.ui.common.DialogService;
import dev.mast.ui.common.UiSettings;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Start page: install or upgrade, and where the plan comes from: a new plan, a plan file,
 * a Kismatic plan (with its import warnings) or a simulated cluster. Files are read in the
 * background; a file that cannot be read changes nothing and says why.
 */
public final class StartViewModel implements WizardStep {
    private static final List<String> YAML = List.of("*.yaml", "*.yml");

    private final PlanDraft draft;
    private final BackgroundExecutor background;
    private final DialogService dialogs;
    private final UiSettings settings;
    private final SimulatedClusterStarter simulator;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ObservableList<String> importWarnings = FXCollections.observableArrayList();
    private final IntegerProperty simulatedNodes = new SimpleIntegerProperty(this, "simulatedNodes", 3);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final StringBinding blockedReason;

    public StartViewModel(PlanDraft draft, BackgroundExecutor background, DialogService dialogs, UiSettings settings,
                          SimulatedClusterStarter simulator) {
        this.draft = draft;
        this.background = background;
        this.dialogs = dialogs;
        this.settings = settings;
        this.simulator = simulator;
        valid.bind(busy.not());
        blockedReason = Bindings.createStringBinding(() -> busy.get() ? "Wait until the plan is loaded" : "", busy);
        source.set("A new plan with kubeadm's defaults. Open a plan file to start from one you have.");
    }

    public void newPlan() {
        draft.load(Plan.defaults("my-cluster"));
        importWarnings.clear();
        source.set("A new plan with kubeadm's defaults.");
    }

    public void openPlan() {
        Optional<Path> folder = settings.lastPlan().map(Path::getParent);
        dialogs.chooseFileToOpen("Open a plan", folder, "Mast plans (YAML)", YAML).ifPresent(this::openPlan);
    }

    public void openPlan(Path file) {
        load(() -> PlanFile.read(file), loaded -> {
            draft.load(loaded.plan());
            draft.setFile(file);
            settings.setLastPlan(file);
            importWarnings.clear();
            source.set("Opened " + file + " (" + nodes(loaded.plan()) + ").");
        }, file, "Cannot open the plan");
    }

    public Optional<Path> lastPlan() {
        return settings.lastPlan();
    }

    public void reopenLastPlan() {
        settings.lastPlan().ifPresent(this::openPlan);
    }

    public void importKismatic() {
        dialogs.chooseFileToOpen("Import a Kismatic plan", Optional.empty(), "Kismatic plans (kismatic-cluster.yaml)", YAML)
                .ifPresent(this::importKismatic);
    }

    /** A Kismatic cluster already runs, so the import also switches to an upgrade. */
    public void importKismatic(Path file) {
        load(() -> KismaticImport.read(file), (ImportResult result) -> {
            draft.load(result.plan());
            draft.kindProperty().set(RunKind.UPGRADE);
            importWarnings.setAll(result.warnings().stream().map(Problem::toString).toList());
            source.set("Imported " + file + " (" + nodes(result.plan()) + ") as an upgrade of the running cluster, with "
                    + result.warnings().size() + " warning" + (result.warnings().size() == 1 ? "" : "s") + ". Read them below.");
        }, file, "Cannot import the Kismatic plan");
    }

    /** Starts simulated nodes; on an upgrade they run the control plane as systemd services. */
    public void startSimulatedCluster() {
        int count = simulatedNodes.get();
        boolean legacy = draft.kindProperty().get() == RunKind.UPGRADE;
        busy.set(true);
        background.submit(() -> simulator.start(count, legacy), plan -> {
            busy.set(false);
            draft.load(plan);
            importWarnings.clear();
            source.set("A simulated cluster of " + nodes(plan) + " on this machine"
                    + (legacy ? ", running its control plane as systemd services." : "."));
        }, error -> {
            busy.set(false);
            dialogs.showError("Cannot start the simulated cluster", "The simulated nodes did not start: " + error.getMessage(),
                    String.valueOf(error));
        });
    }

    private interface Reader<T> {
        T read() throws Exception;
    }

    private <T> void load(Reader<T> reader, java.util.function.Consumer<T> onLoaded, Path file, String title) {
        busy.set(true);
        background.submit(reader::read, result -> {
            busy.set(false);
            onLoaded.accept(result);
        }, error -> {
            busy.set(false);
            showReadError(title, file, error);
        });
    }

    private void showReadError(String title, Path file, Exception error) {
        if (error instanceof PlanFileException problems) {
            int count = problems.problems().size();
            dialogs.showError(title, file + " has " + count + " problem" + (count == 1 ? "" : "s")
                            + "; fix the file and open it again. Nothing was changed.",
                    problems.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")));
        } else if (error instanceof NoSuchFileException) {
            dialogs.showError(title, file + " does not exist. Nothing was changed.", "");
        } else {
            dialogs.showError(title, file + " cannot be read: " + error.getMessage() + ". Nothing was changed.", String.valueOf(error));
        }
    }

    private static String nodes(Plan plan) {
        return plan.nodes().size() == 1 ? "1 node" : plan.nodes().size() + " nodes";
    }

    public ObjectProperty<RunKind> kindProperty() {
        return draft.kindProperty();
    }

    public IntegerProperty simulatedNodesProperty() {
        return simulatedNodes;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ObservableList<String> importWarnings() {
        return importWarnings;
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return valid.getReadOnlyProperty();
    }

    @Override
    public ObservableStringValue blockedReasonProperty() {
        return blockedReason;
    }
}
