package dev.mast.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.plan.PlanValidator;
import dev.mast.ui.RunKind;
import dev.mast.ui.common.BackgroundExecutor;
import dev.mast.ui.common.UiSettings;
import dev.mast.ui.fixtures.MemoryPreferences;
import dev.mast.ui.fixtures.ScriptedDialogs;
import dev.mast.ui.fixtures.UiFixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartViewModelTest {
    @TempDir
    Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final UiSettings settings = new UiSettings(new MemoryPreferences());
    private PlanDraft draft;
    private StartViewModel model;

    @BeforeEach
    void setUp() {
        draft = new PlanDraft(new PlanValidator(UiFixtures.homeWithKeys(temp.resolve("home")), Files::isReadable));
        model = new StartViewModel(draft, BackgroundExecutor.callingThread(), dialogs, settings,
                (nodes, legacy) -> UiFixtures.threeMasters().withNodes(UiFixtures.threeMasters().nodes().subList(0, nodes)));
    }

    @Test
    void openingAPlanFileLoadsItAndRemembersWhereItIs() throws Exception {
        Path file = temp.resolve("prod.yaml");
        PlanFile.write(UiFixtures.threeMasters(), file);
        dialogs.choosePath(file);
        model.openPlan();

        assertEquals(UiFixtures.threeMasters(), draft.toPlan());
        assertEquals(Optional.of(file.toAbsolutePath()), settings.lastPlan());
        assertEquals(Optional.of(file), draft.fileProperty().get());
        assertTrue(model.sourceProperty().get().startsWith("Opened " + file + " (6 nodes)"));
    }

    @Test
    void aBrokenPlanFileChangesNothingAndSaysWhereItIsBroken() throws Exception {
        Path file = temp.resolve("broken.yaml");
        Files.writeString(file, "cluster:\n  name: prod\n  podCidrs: 10.244.0.0/16\n");
        Plan before = draft.toPlan();
        model.openPlan(file);

        assertEquals(before, draft.toPlan());
        var error = dialogs.asked("error").get(0);
        assertEquals("Cannot open the plan", error.title());
        assertTrue(error.message().contains(file + ":3:3"), error.message());
        assertFalse(model.busyProperty().get());
        assertEquals(Optional.empty(), settings.lastPlan());
    }

    @Test
    void aMissingFileIsReportedAsMissing() {
        model.openPlan(temp.resolve("nope.yaml"));

        assertTrue(dialogs.asked("error").get(0).message().contains("does not exist. Nothing was changed."));
    }

    @Test
    void importingAKismaticPlanShowsItsWarningsAndMakesItAnUpgrade() throws Exception {
        Path file = temp.resolve("kismatic-cluster.yaml");
        try (InputStream in = getClass().getResourceAsStream("/kismatic/kismatic-cluster.yaml")) {
            Files.copy(in, file);
        }
        model.importKismatic(file);

        assertEquals(RunKind.UPGRADE, draft.kindProperty().get());
        assertEquals("acme-prod", draft.toPlan().name());
        assertFalse(model.importWarnings().isEmpty());
        assertTrue(model.importWarnings().get(0).startsWith(file + ":"), model.importWarnings().get(0));
        assertTrue(model.sourceProperty().get().contains(model.importWarnings().size() + " warnings"));
    }

    @Test
    void aSimulatedClusterIsLoadedAsThePlan() {
        model.simulatedNodesProperty().set(3);
        model.startSimulatedCluster();

        assertEquals(3, draft.nodes().size());
        assertTrue(model.sourceProperty().get().startsWith("A simulated cluster of 3 nodes"));
    }

    @Test
    void startingFromDefaultsForgetsTheOpenedPlan() {
        draft.load(UiFixtures.threeMasters());
        model.newPlan();

        assertEquals(Plan.defaults("my-cluster"), draft.toPlan());
        assertTrue(model.importWarnings().isEmpty());
    }
}
