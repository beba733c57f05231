package dev.mast.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ApiServerCert;
import dev.mast.plan.ClusterDns;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.plan.PodNetwork;
import dev.mast.ui.fixtures.AppHarness;
import dev.mast.ui.fixtures.TestServices;
import dev.mast.ui.fixtures.UiFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Cluster page shows the plan's DNS, pod network and certificate settings, checks them as typed, and saves them. */
@ExtendWith(ApplicationExtension.class)
class ClusterSettingsUiTest {
    @TempDir
    static Path home;

    private final AppHarness app = new AppHarness();

    @Start
    void start(Stage stage) {
        app.show(stage, TestServices.in(home), home);
    }

    /** The sample plan with every new setting off its default, opened from a file as a user would. */
    private Path openPlanWithSettings(FxRobot robot) throws Exception {
        Plan plan = UiFixtures.threeMasters().withClusterDns(new ClusterDns("10.96.0.2", true, 3))
                .withPodNetwork(PodNetwork.NONE).withApiServerCert(new ApiServerCert(List.of("kube", "10.0.0.100")));
        Path file = home.resolve("settings.yaml");
        PlanFile.write(plan, file);
        app.dialogs.choosePath(file);
        robot.clickOn("#open-plan");
        robot.clickOn("#next");
        // The settings are below the fold of the test's window: scroll them to its top, as a user would.
        javafx.scene.Node field = robot.lookup("#dns-service-ip").query();
        javafx.scene.Node node = field;
        while (!(node instanceof ScrollPane)) {
            node = node.getParent();
        }
        ScrollPane page = (ScrollPane) node;
        app.onFx(() -> {
            double top = page.getContent().sceneToLocal(field.localToScene(field.getBoundsInLocal())).getMinY() - 40;
            double scrollable = page.getContent().getBoundsInLocal().getHeight() - page.getViewportBounds().getHeight();
            page.setVvalue(scrollable <= 0 ? 0 : Math.min(1, Math.max(0, top / scrollable)) * page.getVmax());
        });
        return file;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    private static String message(FxRobot robot, String id) {
        return robot.lookup(id + "-message").queryAs(Label.class).getText();
    }

    @Test
    void anOpenedPlansSettingsAreShownAndSavedAgainAsTheyWere(FxRobot robot) throws Exception {
        openPlanWithSettings(robot);
        assertEquals("10.96.0.2", text(robot, "#dns-service-ip"));
        assertTrue(robot.lookup("#core-dns").queryAs(CheckBox.class).isSelected());
        assertEquals("3", text(robot, "#dns-replicas"));
        assertEquals(PodNetwork.NONE, robot.lookup("#pod-network").queryAs(ComboBox.class).getValue());
        assertEquals("kube, 10.0.0.100", text(robot, "#cert-sans"));

        Path saved = home.resolve("saved.yaml");
        app.onFx(() -> app.model.preview().savePlan(saved));
        AppHarness.waitUntil(() -> Files.exists(saved));
        Plan plan = PlanFile.read(saved).plan();
        assertEquals(new ClusterDns("10.96.0.2", true, 3), plan.clusterDns());
        assertEquals(PodNetwork.NONE, plan.podNetwork());
        assertEquals(List.of("kube", "10.0.0.100"), plan.apiServerCert().extraSans());
    }

    @Test
    void editedSettingsAreCheckedAsTypedAndReachThePlan(FxRobot robot) throws Exception {
        openPlanWithSettings(robot);
        TextField dnsIp = robot.lookup("#dns-service-ip").queryAs(TextField.class);
        robot.interact(dnsIp::clear);
        robot.clickOn(dnsIp).write("10.112.0.2");
        assertTrue(message(robot, "#dns-service-ip").startsWith("10.112.0.2 is outside the service CIDR 10.96.0.0/12"),
                message(robot, "#dns-service-ip"));
        assertTrue(robot.lookup("#next").queryButton().isDisabled());
        assertTrue(robot.lookup("#blocked-reason").queryAs(Label.class).getText().startsWith("DNS service IP: 10.112.0.2 is outside"));
        robot.interact(dnsIp::clear);
        assertEquals("default: 10.96.0.10", dnsIp.getPromptText());
        assertEquals("", message(robot, "#dns-service-ip"));

        TextField sans = robot.lookup("#cert-sans").queryAs(TextField.class);
        robot.interact(sans::clear);
        robot.clickOn(sans).write("kube, kube_lb");
        assertEquals("\"kube_lb\" is neither a DNS name (such as kube.example.com or *.example.com) nor an IPv4 address",
                message(robot, "#cert-sans"));
        robot.interact(sans::clear);
        robot.clickOn(sans).write("kube, *.kube.example.com");

        TextField replicas = robot.lookup("#dns-replicas").queryAs(TextField.class);
        robot.interact(replicas::clear);
        robot.clickOn(replicas).write("two");
        assertEquals("\"two\" is not a number of pods; enter one such as 2", message(robot, "#dns-replicas"));
        robot.clickOn("#core-dns");
        assertTrue(replicas.isDisabled());
        assertEquals("", message(robot, "#dns-replicas"));
        robot.clickOn("#core-dns");
        robot.interact(replicas::clear);
        robot.clickOn(replicas).write("1");

        robot.clickOn("#pod-network").clickOn("flannel");
        assertFalse(robot.lookup("#next").queryButton().isDisabled());
        Plan plan = app.model.draft().toPlan();
        assertEquals(new ClusterDns("", true, 1), plan.clusterDns());
        assertEquals("10.96.0.10", plan.clusterDnsIp());
        assertEquals(PodNetwork.FLANNEL, plan.podNetwork());
        assertEquals(List.of("kube", "*.kube.example.com"), plan.apiServerCert().extraSans());
    }
}
