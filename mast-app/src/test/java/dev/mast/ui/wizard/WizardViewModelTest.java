package dev.mast.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.PlanValidator;
import dev.mast.ui.MainWindowModel;
import dev.mast.ui.RunKind;
import dev.mast.ui.fixtures.TestServices;
import dev.mast.ui.fixtures.ReplayingRunLauncher;
import dev.mast.ui.fixtures.ScriptedDialogs;
import dev.mast.ui.fixtures.UiFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WizardViewModelTest {
    @TempDir
    Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private ReplayingRunLauncher launcher;
    private MainWindowModel app;
    private WizardViewModel wizard;

    @BeforeEach
    void setUp() {
        launcher = new ReplayingRunLauncher(Duration.ZERO, temp, task -> { });
        app = new MainWindowModel(TestServices.in(temp).withRunLauncher(launcher),
                UiFixtures.environment(UiFixtures.homeWithKeys(temp.resolve("home")), dialogs), task -> { });
        wizard = app.wizard();
    }

    private void loadSamplePlan() {
        app.draft().load(UiFixtures.threeMasters());
    }

    @Test
    void startsOnTheStartPageWhereOnlyNextIsPossible() {
        assertEquals(WizardPage.START, wizard.pageProperty().get());
        assertFalse(wizard.canGoBackProperty().get());
        assertTrue(wizard.canGoNextProperty().get());
        assertEquals("_Next", wizard.nextLabelProperty().get());
    }

    @Test
    void nextWalksThePagesInOrderUpToThePreview() {
        loadSamplePlan();
        wizard.next();
        assertEquals(WizardPage.CLUSTER, wizard.pageProperty().get());
        wizard.next();
        assertEquals(WizardPage.NODES, wizard.pageProperty().get());
        wizard.next();
        assertEquals(WizardPage.PREVIEW, wizard.pageProperty().get());
        assertEquals("_Install…", wizard.nextLabelProperty().get());
    }

    @Test
    void anInvalidFieldBlocksNextWithTheValidatorsReasonAndFixingItUnblocks() {
        loadSamplePlan();
        wizard.next();
        app.draft().podCidrProperty().set("10.244.0.1/16");

        assertFalse(wizard.canGoNextProperty().get());
        String expected = new PlanValidator(temp, Files::isReadable).validate(app.draft().toPlan())
                .problemsFor("cluster.podCidr").get(0).message();
        assertEquals("Pod CIDR: " + expected, wizard.blockedReasonProperty().get());
        wizard.next();
        assertEquals(WizardPage.CLUSTER, wizard.pageProperty().get());

        app.draft().podCidrProperty().set("10.244.0.0/16");
        assertTrue(wizard.canGoNextProperty().get());
        assertEquals("", wizard.blockedReasonProperty().get());
    }

    @Test
    void backAndNextKeepEveryInput() {
        loadSamplePlan();
        wizard.next();
        app.draft().nameProperty().set("staging");
        wizard.next();
        app.draft().nodes().get(0).hostNameProperty().set("cp1");
        wizard.back();
        wizard.back();
        wizard.next();
        wizard.next();

        assertEquals("staging", app.draft().toPlan().name());
        assertEquals("cp1", app.draft().toPlan().nodes().get(0).hostName());
    }

    @Test
    void theNodesPageNeedsNodesBeforeNext() {
        wizard.next();
        wizard.next();

        assertEquals(WizardPage.NODES, wizard.pageProperty().get());
        assertFalse(wizard.canGoNextProperty().get());
        assertEquals("Add the cluster's nodes: Add node, or Paste rows", wizard.blockedReasonProperty().get());
    }

    @Test
    void nextOnThePreviewAsksThenStartsTheRunAndStaysOnTheRunPageWhileItRuns() {
        loadSamplePlan();
        app.draft().kindProperty().set(RunKind.UPGRADE);
        wizard.next();
        wizard.next();
        wizard.next();
        assertEquals("_Upgrade…", wizard.nextLabelProperty().get());
        wizard.next();

        assertEquals(WizardPage.RUN, wizard.pageProperty().get());
        assertEquals("Upgrade now", dialogs.asked("confirm").get(0).action());
        assertEquals(RunKind.UPGRADE, launcher.starts().get(0).kind());
        assertEquals(app.draft().toPlan(), launcher.starts().get(0).plan());
        assertFalse(wizard.canGoBackProperty().get(), "a run in progress keeps the wizard on the Run page");
        assertFalse(wizard.nextVisibleProperty().get());
    }

    @Test
    void decliningTheRunStaysOnThePreview() {
        loadSamplePlan();
        wizard.next();
        wizard.next();
        wizard.next();
        dialogs.confirmNext(false);
        wizard.next();

        assertEquals(WizardPage.PREVIEW, wizard.pageProperty().get());
        assertTrue(launcher.starts().isEmpty());
    }

    @Test
    void theStepListJumpsBackButNotAhead() {
        loadSamplePlan();
        wizard.next();
        wizard.next();
        wizard.goBackTo(WizardPage.PREVIEW);
        assertEquals(WizardPage.NODES, wizard.pageProperty().get());
        wizard.goBackTo(WizardPage.START);
        assertEquals(WizardPage.START, wizard.pageProperty().get());
    }
}
