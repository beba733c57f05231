package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.SshSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user who is not root logs in to OpenSSH's sshd and becomes root through sudo with a password. */
class OpenSshSudoTest {
    @TempDir
    static Path serverDir;
    static OpenSshServer sshd;
    static String password;
    static Path userKey;

    @TempDir
    Path dir;
    Path knownHosts;

    @BeforeAll
    static void startSshdAndCreateUser() throws Exception {
        Assumptions.assumeTrue(OpenSshServer.available(), "OpenSSH sshd is not installed");
        Assumptions.assumeTrue(LocalSudoUser.canCreate(), "creating the sudo test user needs root, useradd, sudo");
        password = LocalSudoUser.ensure();
        sshd = OpenSshServer.start(serverDir);
        userKey = TestKeys.generate(serverDir, "masttest_ed25519", "ed25519");
        sshd.authorize(LocalSudoUser.NAME, userKey);
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void trustSshd() throws Exception {
        knownHosts = sshd.trustedBy(dir.resolve("known_hosts"));
    }

    private SshSettings user() {
        return new SshSettings(LocalSudoUser.NAME, sshd.port, userKey.toString());
    }

    @Test
    void becomesRootWithTheSudoPasswordAndNeverShowsIt() throws Exception {
        RecordingPrompt prompt = new RecordingPrompt().withSudoPassword(password);
        List<String> sinkLines = new CopyOnWriteArrayList<>();
        LineSink sink = (stream, text) -> sinkLines.add(text);
        Path rootOnly = Files.createDirectories(dir.resolve("root-only"));
        Path target = rootOnly.resolve("etc/secret.conf");
        List<String> logs;
        try (LogCapture capture = new LogCapture();
             NodeConnector connector = new NodeConnector(prompt, knownHosts);
             NodeConnection connection = connector.connect("127.0.0.1", user())) {
            connection.checkSudo();
            OutputCapture asUser = new OutputCapture(sink);
            connection.runChecked(Command.idempotent("id -un"), asUser);
            OutputCapture asRoot = new OutputCapture(sink);
            connection.runChecked(Command.idempotent("id -un").asRoot(), asRoot);
            // sudo reads the password line; the script gets exactly its own stdin after it.
            OutputCapture stdin = new OutputCapture(sink);
            connection.runChecked(Command.once("cat").asRoot().withStdin("payload\n".getBytes(StandardCharsets.UTF_8)),
                    stdin);
            connection.upload(target.toString(), "token: abc\n".getBytes(StandardCharsets.UTF_8), 0600, "root:root");
            String readBack = new String(connection.read(target.toString()).orElseThrow(), StandardCharsets.UTF_8);

            assertEquals("masttest", asUser.stdout());
            assertEquals("root", asRoot.stdout());
            assertEquals("payload", stdin.stdout());
            assertEquals("token: abc\n", readBack);
            logs = capture.records();
        }
        assertEquals("token: abc\n", Files.readString(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(1, prompt.count("sudo password masttest@127.0.0.1"), prompt.asked.toString());
        assertFalse(logs.isEmpty(), "debug logging should have captured records");
        List<String> everything = new ArrayList<>(logs);
        everything.addAll(sinkLines);
        everything.add(sshd.log());
        for (String line : everything) {
            assertFalse(line.contains(password), "the sudo password leaked into: " + line);
        }
    }

    @Test
    void aWrongSudoPasswordIsAnAuthFailure() throws Exception {
        String wrong = "not-" + password;
        try (NodeConnector connector = new NodeConnector(new RecordingPrompt().withSudoPassword(wrong), knownHosts);
             NodeConnection connection = connector.connect("127.0.0.1", user())) {
            NodeAuthException error = assertThrows(NodeAuthException.class, connection::checkSudo);
            assertTrue(error.getMessage().contains("did not accept the password"), error.getMessage());
            assertFalse(error.getMessage().contains(wrong), error.getMessage());
        }
    }

    @Test
    void noSudoPasswordGivenIsAnAuthFailure() throws Exception {
        try (NodeConnector connector = new NodeConnector(new RecordingPrompt(), knownHosts);
             NodeConnection connection = connector.connect("127.0.0.1", user())) {
            NodeAuthException error = assertThrows(NodeAuthException.class,
                    () -> connection.run(Command.idempotent("true").asRoot()));
            assertTrue(error.getMessage().contains("needs a password and none was given"), error.getMessage());
        }
    }

    @Test
    void logsInWithThePasswordWhenThereIsNoKey() throws Exception {
        RecordingPrompt prompt = new RecordingPrompt().withPassword(password);
        try (NodeConnector connector = new NodeConnector(prompt, knownHosts);
             NodeConnection connection = connector.connect("127.0.0.1", user().withKeyFile(""))) {
            OutputCapture whoami = new OutputCapture();
            connection.runChecked(Command.idempotent("id -un"), whoami);
            assertEquals("masttest", whoami.stdout());
        }
    }
}
