package dev.mast.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.node.LogCapture;
import dev.mast.node.NodeConnection;
import dev.mast.node.NodeConnector;
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
import dev.mast.ui.NodeCheck;
import dev.mast.ui.common.DialogsFromBackground;
import dev.mast.ui.fixtures.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's prompt answering the SSH layer from dialogs (scripted here), against a simulated node whose sudo wants a password. */
class DialogCredentialPromptTest {
    private static final String SUDO_PASSWORD = "sudo-Secret-42";

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private Plan plan;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final DialogCredentialPrompt prompt = new DialogCredentialPrompt(new DialogsFromBackground(dialogs, Runnable::run, () -> false));

    @BeforeEach
    void start() throws Exception {
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_ed25519");
        ClientKeys.write(keys, keyFile, "test");
        cluster = SimulatedCluster.builder().nodes(1).provisioning(Provisioning.FRESH).sshUser("admin", SudoPolicy.password(SUDO_PASSWORD))
                .authorizedKey(keys.getPublic()).timing(SimTiming.fast()).workDir(dir.resolve("nodes")).start();
        plan = PlanFile.parse("p.yaml", SimPlanWriter.yaml(cluster, KubernetesVersion.DEFAULT.toString(),
                ContainerRuntime.CONTAINERD, "admin", keyFile)).plan();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private AppFolders foldersWithKnownHosts() throws Exception {
        AppFolders folders = new AppFolders(dir.resolve("app"));
        ClientKeys.writeKnownHosts(cluster.nodes(), dir.resolve("known_hosts"));
        folders.useKnownHosts(plan, dir.resolve("known_hosts"));
        return folders;
    }

    @Test
    void theSudoPasswordGivenInTheDialogPassesTheSudoCheckAndIsLoggedNowhere() throws Exception {
        dialogs.answerSecret(SUDO_PASSWORD);
        NodeCheck check;
        try (LogCapture logs = new LogCapture()) {
            check = new SshConnectionTester(foldersWithKnownHosts(), prompt).test(plan.nodes().get(0));
            // The simulated node's own SSH server (MINA, at FINEST) dumps the bytes it receives, as a node's sshd
            // could; what matters is that Mast's side (its code and sshj) never logs the password.
            var leaks = logs.records().stream().filter(line -> !line.contains("org.apache.sshd."))
                    .filter(line -> line.contains(SUDO_PASSWORD)).toList();
            assertTrue(leaks.isEmpty(), () -> leaks.size() + " log lines hold the sudo password");
        }

        assertTrue(check.passed(), check.toString());
        var asked = dialogs.asked("secret");
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).title().startsWith("sudo password for admin@127.0.0."), asked.get(0).title());
        assertEquals("Use password", asked.get(0).action());
        assertFalse(check.toString().contains(SUDO_PASSWORD));
    }

    @Test
    void aCancelledSudoPasswordFailsOnlyTheSudoCheck() throws Exception {
        NodeCheck check = new SshConnectionTester(foldersWithKnownHosts(), prompt).test(plan.nodes().get(0));

        assertTrue(check.authenticated(), check.toString());
        assertFalse(check.sudo(), check.toString());
        assertFalse(check.message().isBlank(), check.toString());
    }

    @Test
    void aNewHostKeyIsTrustedOnlyWhenTheUserConfirmsItsFingerprint() throws Exception {
        Path knownHosts = dir.resolve("fresh_known_hosts");
        dialogs.confirmNext(false).confirmNext(true);
        try (NodeConnector connector = new NodeConnector(prompt, knownHosts)) {
            org.junit.jupiter.api.Assertions.assertThrows(dev.mast.node.HostKeyException.class, () -> connector.connect(plan.nodes().get(0)));
            assertFalse(Files.exists(knownHosts) && !Files.readString(knownHosts).isBlank(), "a refused key is not recorded");
            try (NodeConnection connection = connector.connect(plan.nodes().get(0))) {
                assertEquals(0, connection.run(dev.mast.node.Command.idempotent("true")).exitStatus());
            }
        }
        var asked = dialogs.asked("confirm");
        assertEquals(2, asked.size());
        assertEquals("Trust host key", asked.get(1).action());
        assertTrue(asked.get(1).message().contains("SHA256:"), asked.get(1).message());
        assertTrue(Files.readString(knownHosts).contains("ssh-"), "the confirmed key is recorded");
    }
}
