package dev.mast.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.PlanValidator;
import dev.mast.plan.ProgramSource;
import dev.mast.plan.Sources;
import dev.mast.ui.fixtures.TestServices;
import dev.mast.ui.fixtures.AppHarness;
import dev.mast.ui.fixtures.UiFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WizardUiTest {
    @TempDir
    static Path home;

    private final AppHarness app = new AppHarness();

    @Start
    void start(Stage stage) {
        app.show(stage, TestServices.in(home), home);
    }

    private WizardPage page() {
        return app.model.wizard().pageProperty().get();
    }

    @Test
    void anInvalidFieldDisablesNextAndShowsWhyAndFixingItEnablesNext(FxRobot robot) {
        robot.clickOn("#next");
        assertEquals(WizardPage.CLUSTER, page());
        TextField podCidr = robot.lookup("#pod-cidr").queryAs(TextField.class);
        robot.interact(podCidr::clear);
        robot.clickOn(podCidr).write("10.244.0.1/16");

        Button next = robot.lookup("#next").queryButton();
        assertTrue(next.isDisabled());
        String message = new PlanValidator(home, Files::isReadable).validate(app.model.draft().toPlan())
                .problemsFor("cluster.podCidr").get(0).message();
        assertEquals(message, robot.lookup("#pod-cidr-message").queryAs(Label.class).getText());
        Label reason = robot.lookup("#blocked-reason").queryAs(Label.class);
        assertTrue(reason.isVisible());
        assertEquals("Pod CIDR: " + message, reason.getText());

        robot.clickOn(podCidr).type(KeyCode.BACK_SPACE, 4).write("0/16");
        assertEquals("10.244.0.0/16", podCidr.getText());
        assertFalse(next.isDisabled());
        assertFalse(reason.isVisible());
        assertEquals("", robot.lookup("#pod-cidr-message").queryAs(Label.class).getText());
    }

    @Test
    void choosingTheReleaseBinariesEnablesTheirMirrorAndNotThePackageRepositorys(FxRobot robot) {
        robot.clickOn("#next");
        TextField repository = robot.lookup("#package-repository").queryAs(TextField.class);
        TextField binaries = robot.lookup("#binaries").queryAs(TextField.class);
        assertFalse(repository.isDisabled());
        assertTrue(binaries.isDisabled());
        // The sources are the last rows of the form: scroll them into the window, as a user would.
        javafx.scene.Node node = repository;
        while (!(node instanceof javafx.scene.control.ScrollPane)) {
            node = node.getParent();
        }
        javafx.scene.control.ScrollPane page = (javafx.scene.control.ScrollPane) node;
        app.onFx(() -> page.setVvalue(page.getVmax()));

        robot.clickOn("#kubernetes-source").clickOn("release binaries (dl.k8s.io, .sha256)");
        assertTrue(repository.isDisabled());
        assertFalse(binaries.isDisabled());
        robot.interact(binaries::requestFocus);
        robot.write("http://mirror.lan/dl");
        // Tab from the binaries site through GitHub's releases (enabled with the binaries) to the image registry.
        robot.type(KeyCode.TAB, 2).write("mirror.lan:5000");

        Sources sources = app.model.draft().toPlan().sources();
        assertEquals(ProgramSource.BINARIES, sources.kubernetes());
        assertEquals("http://mirror.lan/dl", sources.binaries());
        assertEquals("mirror.lan:5000", sources.imageRegistry());
        assertFalse(robot.lookup("#next").queryButton().isDisabled());
    }

    @Test
    void mnemonicsMoveForwardAndBack(FxRobot robot) {
        robot.press(KeyCode.ALT).type(KeyCode.N).release(KeyCode.ALT);
        assertEquals(WizardPage.CLUSTER, page());
        robot.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT);
        assertEquals(WizardPage.START, page());
    }

    @Test
    void whatWasTypedSurvivesBackAndNext(FxRobot robot) {
        robot.clickOn("#next");
        TextField name = robot.lookup("#cluster-name").queryAs(TextField.class);
        robot.interact(name::clear);
        robot.clickOn(name).write("staging");
        robot.clickOn("#back");
        robot.clickOn("#next");

        assertEquals("staging", robot.lookup("#cluster-name").queryAs(TextField.class).getText());
    }

    @Test
    void importingAKismaticPlanListsItsWarningsAndChoosesAnUpgrade(FxRobot robot) throws Exception {
        Path file = home.resolve("kismatic-cluster.yaml");
        try (var in = getClass().getResourceAsStream("/kismatic/kismatic-cluster.yaml")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        app.dialogs.choosePath(file);
        robot.clickOn("#import-kismatic");

        ListView<?> warnings = robot.lookup("#import-warnings").queryAs(ListView.class);
        assertTrue(warnings.isVisible());
        assertEquals(app.model.start().importWarnings().size(), warnings.getItems().size());
        assertTrue(warnings.getItems().get(0).toString().startsWith(file + ":"));
        assertTrue(robot.lookup("#kind-upgrade").queryAs(RadioButton.class).isSelected());
        assertTrue(robot.lookup("#plan-source").queryAs(Label.class).getText().startsWith("Current plan: Imported " + file));
    }

    @Test
    void theStepListMarksTheCurrentPage(FxRobot robot) {
        robot.clickOn("#next");

        assertTrue(robot.lookup("#step-cluster").query().getStyleClass().contains("step-current"));
        assertTrue(robot.lookup("#step-start").query().getStyleClass().contains("step-done"));
        robot.clickOn("#step-start");
        assertEquals(WizardPage.START, page());
    }

    @Test
    void theStartPageShowsAllOfItselfAgainWhenANarrowWindowIsMadeWider(FxRobot robot) {
        robot.interact(() -> {
            app.stage.setWidth(800);
            app.stage.setHeight(560);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            app.stage.setWidth(1420);
            app.stage.setHeight(860);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        app.settle();

        // Every tile of the page is within the window, not pushed below rows still as tall as in the narrow one.
        javafx.scene.Node button = robot.lookup("#simulated-cluster").query();
        double bottom = button.localToScene(button.getLayoutBounds()).getMaxY();
        assertTrue(bottom < app.stage.getScene().getHeight(), "the simulated cluster tile ends at " + bottom);
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) app.stage.getScene().getRoot().lookup(".scroll-pane");
        assertTrue(scroll.getContent().getLayoutBounds().getHeight() <= scroll.getViewportBounds().getHeight() + 1,
                "the page fits: " + scroll.getContent().getLayoutBounds());
    }

    @Test
    void aRefusedExtraFlagCanBeRemovedAndAnotherAddedOnTheClusterPage(FxRobot robot) {
        app.onFx(() -> app.model.draft().load(UiFixtures.threeMasters().withExtraFlags(Map.of(Component.KUBE_APISERVER,
                Map.of("service-cluster-ip-range", "10.0.0.0/16", "audit-log-maxage", "30")))));
        robot.clickOn("#next");
        assertEquals(WizardPage.CLUSTER, page());
        Button next = robot.lookup("#next").queryButton();
        assertTrue(next.isDisabled(), "Mast sets service-cluster-ip-range itself");
        assertTrue(robot.lookup("#cluster-other-problems").queryAs(Label.class).getText()
                .startsWith("Extra flags (kube-apiserver.service-cluster-ip-range): "));

        // The table is at the foot of the page.
        robot.interact(() -> {
            for (javafx.scene.Parent p = robot.lookup("#extra-flags").queryAs(Node.class).getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane scroll) {
                    scroll.setVvalue(scroll.getVmax());
                }
            }
        });
        robot.clickOn(cell(robot, "service-cluster-ip-range"));
        robot.clickOn("#remove-flag");
        assertFalse(next.isDisabled());
        assertEquals(Map.of(Component.KUBE_APISERVER, Map.of("audit-log-maxage", "30")), app.model.draft().toPlan().extraFlags());

        robot.clickOn("#add-flag");
        robot.write("--v").type(KeyCode.ENTER);
        robot.doubleClickOn(secondRow(robot, "#flag-value"));
        robot.write("4").type(KeyCode.ENTER);
        robot.doubleClickOn(secondRow(robot, "#flag-component"));
        robot.clickOn("kube-scheduler");

        assertEquals(Map.of(Component.KUBE_APISERVER, Map.of("audit-log-maxage", "30"), Component.KUBE_SCHEDULER, Map.of("v", "4")),
                app.model.draft().toPlan().extraFlags());
        assertFalse(next.isDisabled());
    }

    private TableCell<?, ?> cell(FxRobot robot, String text) {
        return robot.lookup("#extra-flags .table-cell").match((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText()))
                .queryAs(TableCell.class);
    }

    private TableCell<?, ?> secondRow(FxRobot robot, String column) {
        return robot.lookup("#extra-flags " + column).match((Node n) -> n instanceof TableCell<?, ?> c && c.getIndex() == 1)
                .queryAs(TableCell.class);
    }
}
