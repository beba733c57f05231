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

class HostKeyVerificationTest {
    @TempDir
    Path dir;
    MinaFixture node;
    String lookupName;

    @BeforeEach
    void startNode() throws IOException {
        node = MinaFixture.start(dir);
        lookupName = "[127.0.0.1]:" + node.server.port();
    }

    @AfterEach
    void stopNode() throws IOException {
        node.close();
    }

    @Test
    void anAcceptedUnknownKeyIsRecordedAndNotAskedAgain() throws Exception {
        RecordingPrompt prompt = new RecordingPrompt().acceptingHostKeys();
        try (NodeConnector connector = node.connector(prompt)) {
            connector.connect("127.0.0.1", node.ssh()).close();
            connector.connect("127.0.0.1", node.ssh()).close();
        }
        try (NodeConnector later = node.connector(prompt)) {
            later.connect("127.0.0.1", node.ssh()).close();
        }
        assertEquals(List.of("host key 127.0.0.1:" + node.server.port() + " ssh-ed25519"), prompt.asked);
        assertEquals(List.of(TestKeys.fingerprint(node.hostKey)), prompt.hostKeyFingerprints);
        String found = TestKeys.lookup(node.knownHosts, lookupName);
        assertTrue(found.contains(TestKeys.publicLine(node.hostKey).split(" ")[1]), found);
        assertTrue(Files.readString(node.knownHosts).startsWith(lookupName + " ssh-ed25519 "));
    }

    @Test
    void aRefusedUnknownKeyStopsTheConnectionAndRecordsNothing() throws Exception {
        RecordingPrompt prompt = new RecordingPrompt();
        try (NodeConnector connector = node.connector(prompt)) {
            HostKeyException error = assertThrows(HostKeyException.class,
                    () -> connector.connect("127.0.0.1", node.ssh()));
            assertTrue(error.getMessage().contains("unknown host key") && error.getMessage().contains("not accepted"),
                    error.getMessage());
            assertEquals(TestKeys.fingerprint(node.hostKey), error.fingerprint());
        }
        assertFalse(Files.exists(node.knownHosts));
    }

    @Test
    void theNonInteractivePromptRefusesUnknownKeys() throws Exception {
        try (NodeConnector connector = node.connector(CredentialPrompt.refusing())) {
            assertThrows(HostKeyException.class, () -> connector.connect("127.0.0.1", node.ssh()));
        }
    }

    @Test
    void aChangedKeyStopsWithBothFingerprintsAndAsksNothing() throws Exception {
        Path otherHostKey = TestKeys.generate(dir, "old_host_key", "ed25519");
        Files.createDirectories(node.knownHosts.getParent());
        Files.writeString(node.knownHosts, lookupName + " " + TestKeys.publicLine(otherHostKey) + "\n");
        String before = Files.readString(node.knownHosts);
        RecordingPrompt prompt = new RecordingPrompt().acceptingHostKeys();
        try (NodeConnector connector = node.connector(prompt)) {
            HostKeyChangedException error = assertThrows(HostKeyChangedException.class,
                    () -> connector.connect("127.0.0.1", node.ssh()));
            assertEquals(List.of(TestKeys.fingerprint(otherHostKey)), error.knownFingerprints());
            assertEquals(TestKeys.fingerprint(node.hostKey), error.newFingerprint());
            assertTrue(error.getMessage().contains(TestKeys.fingerprint(otherHostKey)), error.getMessage());
        }
        assertTrue(prompt.asked.isEmpty(), prompt.asked.toString());
        assertEquals(before, Files.readString(node.knownHosts));
    }

    @Test
    void aHashedEntryIsRecognised() throws Exception {
        node.trustHostKey();
        TestKeys.hashKnownHosts(node.knownHosts);
        assertTrue(Files.readString(node.knownHosts).startsWith("|1|"), "ssh-keygen -H should hash the entry");
        RecordingPrompt prompt = new RecordingPrompt();
        try (NodeConnector connector = node.connector(prompt);
             NodeConnection connection = connector.connect("127.0.0.1", node.ssh())) {
            assertEquals(0, connection.run(Command.idempotent("true")).exitStatus());
        }
        assertTrue(prompt.asked.isEmpty(), prompt.asked.toString());
    }

    @Test
    void anEntryForAnotherPortDoesNotVouchForThisOne() throws Exception {
        Files.createDirectories(node.knownHosts.getParent());
        Files.writeString(node.knownHosts, "127.0.0.1 " + TestKeys.publicLine(node.hostKey) + "\n");
        RecordingPrompt prompt = new RecordingPrompt();
        try (NodeConnector connector = node.connector(prompt)) {
            assertThrows(HostKeyException.class, () -> connector.connect("127.0.0.1", node.ssh()));
        }
        assertEquals(1, prompt.count("host key"));
    }

    @Test
    void aRevokedKeyIsRefusedWithoutAsking() throws Exception {
        Files.createDirectories(node.knownHosts.getParent());
        Files.writeString(node.knownHosts, "@revoked * " + TestKeys.publicLine(node.hostKey) + "\n");
        RecordingPrompt prompt = new RecordingPrompt().acceptingHostKeys();
        try (NodeConnector connector = node.connector(prompt)) {
            HostKeyException error = assertThrows(HostKeyException.class,
                    () -> connector.connect("127.0.0.1", node.ssh()));
            assertTrue(error.getMessage().contains("revoked"), error.getMessage());
        }
        assertTrue(prompt.asked.isEmpty(), prompt.asked.toString());
    }
}
