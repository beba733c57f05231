package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Logging in with the keys of OpenSSH's own ssh-agent, to OpenSSH's sshd, with no key file in the plan. */
class OpenSshAgentTest {
    @TempDir
    static Path serverDir;
    static OpenSshServer sshd;

    @TempDir
    Path dir;
    Path knownHosts;
    TestAgent agent;

    @BeforeAll
    static void startSshd() throws Exception {
        Assumptions.assumeTrue(OpenSshServer.available(), "OpenSSH sshd is not installed");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "sshd tests run as root");
        sshd = OpenSshServer.start(serverDir);
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void startAgent() throws Exception {
        knownHosts = sshd.trustedBy(dir.resolve("known_hosts"));
        agent = TestAgent.start(dir);
    }

    @AfterEach
    void stopAgent() throws Exception {
        agent.close();
    }

    private NodeConnector connector(RecordingPrompt prompt, SshConfig config) {
        SshEnvironment env = SshEnvironment.isolated(knownHosts).withAgent(agent.client()).withConfig(config);
        return new NodeConnector(prompt, env, SshOptions.DEFAULT);
    }

    /** A key the agent holds whose private file is gone: Mast cannot have read it. */
    private Path keyOnlyInTheAgent(String name, String type) throws Exception {
        Path key = TestKeys.generate(dir, name, type);
        agent.add(key);
        Files.delete(key);
        return key;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void logsInWithTheAgentsKeyOfEachTypeWhenThePlanNamesNoKeyFile(String type) throws Exception {
        Path key = keyOnlyInTheAgent("agent_" + type, type);
        sshd.authorize("root", key);
        RecordingPrompt prompt = new RecordingPrompt();
        try (NodeConnector connector = connector(prompt, SshConfig.NONE);
             NodeConnection connection = connector.connect("127.0.0.1", new SshSettings("root", sshd.port, ""))) {
            OutputCapture whoami = new OutputCapture();
            connection.runChecked(Command.idempotent("id -un"), whoami);
            assertEquals("root", whoami.stdout());
            String label = type.equals("ed25519") ? "ED25519" : type.toUpperCase();
            assertEquals("agent: " + label + " " + TestKeys.fingerprint(key), connection.identity());
        }
        assertTrue(prompt.asked.isEmpty(), "nothing should be asked: " + prompt.asked);
        // OpenSSH 9 refuses SHA-1 RSA signatures: an RSA login proves rsa-sha2-* was used.
        assertTrue(sshd.log().contains("Accepted publickey for root"), sshd.log());
    }

    @Test
    void offersTheAgentsKeysBeforeTheKeyFileAndNeverAsksItsPassphrase() throws Exception {
        Path inAgent = keyOnlyInTheAgent("agent_key", "ed25519");
        Path file = TestKeys.generate(dir, "encrypted_key", "ed25519", "secret words");
        sshd.authorize("root", inAgent);
        RecordingPrompt prompt = new RecordingPrompt().withPassphrase("secret words");
        try (NodeConnector connector = connector(prompt, SshConfig.NONE);
             NodeConnection connection = connector.connect("127.0.0.1", new SshSettings("root", sshd.port,
                     file.toString()))) {
            assertEquals("agent: ED25519 " + TestKeys.fingerprint(inAgent), connection.identity());
        }
        assertEquals(List.of(), prompt.asked);
    }

    @Test
    void fallsBackToTheKeyFileWhenTheAgentsKeysAreRefused() throws Exception {
        keyOnlyInTheAgent("unknown_to_the_node", "ed25519");
        Path file = TestKeys.generate(dir, "node_key", "ecdsa");
        sshd.authorize("root", file);
        try (NodeConnector connector = connector(new RecordingPrompt(), SshConfig.NONE);
             NodeConnection connection = connector.connect("127.0.0.1", new SshSettings("root", sshd.port,
                     file.toString()))) {
            assertEquals("key file " + file + ": ECDSA " + TestKeys.fingerprint(file), connection.identity());
        }
    }

    @Test
    void identitiesOnlyOffersOnlyTheAgentsKeysThatTheConfigurationNames() throws Exception {
        Path authorized = keyOnlyInTheAgent("authorized", "ed25519");
        Path named = keyOnlyInTheAgent("named", "ed25519"); // its .pub stays: ssh finds it in the agent by it
        sshd.authorize("root", authorized);
        Path config = Files.writeString(dir.resolve("config"), "Host 127.0.0.1\n  IdentityFile " + named
                + "\n  IdentitiesOnly yes\n");
        SshConfig only = SshConfig.read(config, dir.resolve("none"), dir);
        try (NodeConnector connector = connector(new RecordingPrompt(), only)) {
            NodeAuthException refused = assertThrows(NodeAuthException.class,
                    () -> connector.connect("127.0.0.1", new SshSettings("root", sshd.port, "")));
            assertTrue(refused.getMessage().contains("the agent's key was refused"), refused.getMessage());
        }
        Files.writeString(config, "Host 127.0.0.1\n  IdentityFile " + named + "\n");
        try (NodeConnector connector = connector(new RecordingPrompt(), SshConfig.read(config, dir.resolve("none"), dir));
             NodeConnection connection = connector.connect("127.0.0.1", new SshSettings("root", sshd.port, ""))) {
            assertEquals("agent: ED25519 " + TestKeys.fingerprint(authorized), connection.identity());
        }
    }

    @Test
    void listsTheAgentsKeysWithTheirFingerprintsAndComments() throws Exception {
        Path rsa = keyOnlyInTheAgent("listed_rsa", "rsa");
        Path ed = keyOnlyInTheAgent("listed_ed", "ed25519");
        List<AgentIdentity> keys = agent.client().identities();
        assertEquals(List.of(TestKeys.fingerprint(rsa), TestKeys.fingerprint(ed)),
                keys.stream().map(AgentIdentity::fingerprint).toList());
        assertEquals(List.of("ssh-rsa", "ssh-ed25519"), keys.stream().map(AgentIdentity::type).toList());
        assertEquals("mast-test", keys.get(0).comment());
        assertFalse(keys.get(0).toString().contains("mast-test"));
    }
}
