package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyAuthenticationTest {
    @TempDir
    Path dir;
    MinaFixture node;
    RecordingPrompt prompt = new RecordingPrompt();

    @BeforeEach
    void startNode() throws IOException {
        node = MinaFixture.start(dir);
        node.trustHostKey();
    }

    @AfterEach
    void stopNode() throws IOException {
        node.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void logsInWithAnOpenSshKeyOfEachType(String type) throws Exception {
        Path key = TestKeys.generate(dir, "id_" + type + "_login", type);
        node.authorize(key);
        try (NodeConnector connector = node.connector(prompt);
             NodeConnection connection = connector.connect("127.0.0.1", node.ssh(key))) {
            assertEquals(0, connection.run(Command.idempotent("true")).exitStatus());
        }
        assertTrue(prompt.asked.isEmpty(), "nothing should be asked: " + prompt.asked);
    }

    @Test
    void asksForThePassphraseOfAnEncryptedKeyOnceForSeveralConnections() throws Exception {
        Path key = TestKeys.generate(dir, "id_encrypted", "ed25519", "open sesame");
        node.authorize(key);
        prompt.withPassphrase("open sesame");
        try (NodeConnector connector = node.connector(prompt);
             NodeConnection first = connector.connect("127.0.0.1", node.ssh(key));
             NodeConnection second = connector.connect("127.0.0.1", node.ssh(key))) {
            assertEquals(0, first.run(Command.idempotent("true")).exitStatus());
            assertEquals(0, second.run(Command.idempotent("true")).exitStatus());
        }
        assertEquals(1, prompt.count("passphrase " + key));
    }

    @Test
    void aDeclinedPassphraseFallsBackToThePasswordAndIsNotAskedAgain() throws Exception {
        Path key = TestKeys.generate(dir, "id_encrypted", "ed25519", "open sesame");
        prompt.withPassword(MinaFixture.PASSWORD);
        try (NodeConnector connector = node.connector(prompt);
             NodeConnection first = connector.connect("127.0.0.1", node.ssh(key));
             NodeConnection second = connector.connect("127.0.0.1", node.ssh(key))) {
            assertEquals(0, first.run(Command.idempotent("true")).exitStatus());
            assertEquals(0, second.run(Command.idempotent("true")).exitStatus());
        }
        assertEquals(List.of("passphrase " + key, "password root@127.0.0.1"), prompt.asked);
    }

    @Test
    void expandsTildeInTheKeyPath() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path key = TestKeys.generate(Files.createDirectories(home.resolve(".ssh")), "id_ed25519", "ed25519");
        node.authorize(key);
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try (NodeConnector connector = node.connector(prompt);
             NodeConnection connection = connector.connect("127.0.0.1",
                     node.ssh().withKeyFile("~/.ssh/id_ed25519"))) {
            assertEquals(0, connection.run(Command.idempotent("true")).exitStatus());
        } finally {
            System.setProperty("user.home", saved);
        }
    }

    @Test
    void aWrongPassphraseThreeTimesIsAnAuthFailure() throws Exception {
        Path key = TestKeys.generate(dir, "id_encrypted", "ed25519", "open sesame");
        node.authorize(key);
        prompt.withPassphrase("guess");
        try (NodeConnector connector = node.connector(prompt)) {
            NodeAuthException error = assertThrows(NodeAuthException.class,
                    () -> connector.connect("127.0.0.1", node.ssh(key)));
            assertTrue(error.getMessage().contains("passphrase"), error.getMessage());
            assertFalse(error.getMessage().contains("guess"), error.getMessage());
        }
        assertEquals(3, prompt.count("passphrase"));
    }

    @Test
    void aKeyTheNodeDoesNotKnowIsAnAuthFailureWhenNoPasswordIsGiven() throws Exception {
        Path stranger = TestKeys.generate(dir, "id_stranger", "ed25519");
        try (NodeConnector connector = node.connector(prompt)) {
            NodeAuthException error = assertThrows(NodeAuthException.class,
                    () -> connector.connect("127.0.0.1", node.ssh(stranger)));
            assertEquals("127.0.0.1", error.node().host());
            assertTrue(error.getMessage().contains("was refused"), error.getMessage());
        }
        assertEquals(1, prompt.count("password root@127.0.0.1"));
    }

    @Test
    void fallsBackToThePasswordWhenTheKeyIsRefused() throws Exception {
        Path stranger = TestKeys.generate(dir, "id_stranger", "ed25519");
        prompt.withPassword(MinaFixture.PASSWORD);
        try (NodeConnector connector = node.connector(prompt);
             NodeConnection connection = connector.connect("127.0.0.1", node.ssh(stranger))) {
            assertEquals(0, connection.run(Command.idempotent("true")).exitStatus());
        }
    }

    @Test
    void logsInWithAPasswordWhenThereIsNoKeyFile() throws Exception {
        prompt.withPassword(MinaFixture.PASSWORD);
        try (NodeConnector connector = node.connector(prompt);
             NodeConnection connection = connector.connect("127.0.0.1",
                     node.ssh().withKeyFile(dir.resolve("no-such-key").toString()))) {
            assertEquals(0, connection.run(Command.idempotent("true")).exitStatus());
        }
    }

    @Test
    void aWrongPasswordIsAnAuthFailureThatIsNotRetried() throws Exception {
        prompt.withPassword("not the password");
        try (NodeConnector connector = node.connector(prompt)) {
            NodeAuthException error = assertThrows(NodeAuthException.class,
                    () -> connector.connect("127.0.0.1", node.ssh(null)));
            assertTrue(error.getMessage().contains("password was refused"), error.getMessage());
            assertFalse(error.getMessage().contains("not the password"), error.getMessage());
        }
        assertEquals(1, prompt.count("password"));
    }
}
