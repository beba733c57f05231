package dev.mast.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.node.LogCapture;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.sim.ClientKeys;
import dev.mast.sim.Provisioning;
import dev.mast.sim.SimPlanWriter;
import dev.mast.sim.SimulatedCluster;
import dev.mast.sim.machine.SimTiming;
import dev.mast.sim.machine.SudoPolicy;
import dev.mast.ui.common.DialogsFromBackground;
import dev.mast.ui.common.FxDialogService;
import dev.mast.ui.common.UiThreads;
import dev.mast.ui.fixtures.AppHarness;
import dev.mast.ui.wizard.ConnectionStatus;
import dev.mast.ui.wizard.NodeRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Nodes page's connection test on the real core, to a simulated node whose key file is
 * encrypted: the passphrase is typed into the app's own dialog, never echoed or logged.
 */
@ExtendWith(ApplicationExtension.class)
class CredentialDialogUiTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path dir;
    private static SimulatedCluster cluster;
    private static Plan plan;
    private static AppFolders folders;

    private final AppHarness app = new AppHarness();
    private UiThreads background;
    private LogCapture logs;

    @BeforeAll
    static void startANodeThatAcceptsAnEncryptedKey() throws Exception {
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_encrypted");
        ClientKeys.writeEncrypted(keys, keyFile, "test", PASSPHRASE);
        assertTrue(Files.readString(keyFile).contains("OPENSSH PRIVATE KEY"));
        cluster = SimulatedCluster.builder().nodes(1).provisioning(Provisioning.FRESH).sshUser("root", SudoPolicy.noPassword())
                .authorizedKey(keys.getPublic()).timing(SimTiming.fast()).workDir(dir.resolve("nodes")).start();
        plan = PlanFile.parse("p.yaml", SimPlanWriter.yaml(cluster, KubernetesVersion.DEFAULT.toString(),
                ContainerRuntime.CONTAINERD, "root", keyFile)).plan();
        folders = new AppFolders(dir.resolve("app"));
        Path knownHosts = dir.resolve("known_hosts");
        ClientKeys.writeKnownHosts(cluster.nodes(), knownHosts);
        folders.useKnownHosts(plan, knownHosts);
    }

    @AfterAll
    static void stopTheNode() {
        cluster.close();
    }

    @Start
    void start(Stage stage) {
        background = UiThreads.forApp(Platform::runLater);
        var prompt = new DialogCredentialPrompt(DialogsFromBackground.onFxThread(new FxDialogService(() -> stage)));
        app.show(stage, CoreServices.create(folders, dir.resolve("runs"), prompt, new InProcessSimulator(folders, SimTiming.fast())),
                dir.resolve("home"), background);
    }

    @BeforeEach
    void openTheNodesPage() {
        logs = new LogCapture();
        app.onFx(() -> {
            app.model.draft().load(plan);
            app.model.wizard().next();
            app.model.wizard().next();
        });
    }

    @AfterEach
    void stop() {
        logs.close();
        background.close();
    }

    private NodeRow testTheConnection(FxRobot robot) {
        Node cell = robot.lookup("#nodes-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && "node001".equals(c.getText())).query();
        robot.clickOn(cell);
        robot.clickOn("#test-connection");
        AppHarness.waitUntil(() -> robot.lookup("#secret-field").tryQuery().isPresent());
        return app.model.draft().nodes().get(0);
    }

    private static ConnectionStatus.State state(NodeRow row) {
        return row.connectionProperty().get().state();
    }

    @Test
    void thePassphraseTypedIntoTheDialogUnlocksTheKeyAndTheTestPasses(FxRobot robot) {
        NodeRow row = testTheConnection(robot);
        PasswordField field = robot.lookup("#secret-field").queryAs(PasswordField.class);
        robot.clickOn(field).write(PASSPHRASE);
        assertFalse(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(label -> label.getText() != null && label.getText().contains(PASSPHRASE)), "the passphrase is never shown");
        robot.clickOn("Unlock key");
        AppHarness.waitUntil(() -> state(row) != ConnectionStatus.State.TESTING);

        assertEquals(ConnectionStatus.State.PASSED, state(row), row.connectionProperty().get().details());
        assertTrue(row.connectionProperty().get().summary().startsWith("OK · key "), row.connectionProperty().get().summary());
        assertTrue(field.getText().isEmpty(), "the dialog's field is cleared when it closes");
        assertFalse(logs.records().isEmpty(), "the connection was logged at all levels");
        assertTrue(logs.records().stream().noneMatch(line -> line.contains(PASSPHRASE)), "no log line holds the passphrase");
    }

    @Test
    void cancellingThePassphraseFailsTheTestWithAClearMessage(FxRobot robot) {
        NodeRow row = testTheConnection(robot);
        robot.clickOn("Cancel");
        // Without the key, the node's login password is the other way in; cancelled too.
        AppHarness.waitUntil(() -> robot.lookup("#secret-field").tryQuery().isPresent() || state(row) != ConnectionStatus.State.TESTING);
        if (robot.lookup("#secret-field").tryQuery().isPresent()) {
            robot.clickOn("Cancel");
        }
        AppHarness.waitUntil(() -> state(row) != ConnectionStatus.State.TESTING);

        assertEquals(ConnectionStatus.State.FAILED, state(row));
        assertEquals("Login failed", row.connectionProperty().get().summary());
        String details = row.connectionProperty().get().details();
        assertTrue(details.contains("the passphrase of " + dir.resolve("id_encrypted") + " was not given"
                + " and no password was given"), details);
    }
}
