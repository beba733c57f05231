package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.SshSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import net.schmizz.sshj.transport.Reader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSH layer against OpenSSH's own sshd, as real nodes run it. */
class OpenSshTest {
    @TempDir
    static Path serverDir;
    static OpenSshServer sshd;
    static Path rootKey;

    @TempDir
    Path dir;
    Path knownHosts;

    @BeforeAll
    static void startSshd() throws Exception {
        Assumptions.assumeTrue(OpenSshServer.available(), "OpenSSH sshd is not installed");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "sshd tests run as root");
        sshd = OpenSshServer.start(serverDir);
        rootKey = TestKeys.generate(serverDir, "root_ed25519", "ed25519");
        sshd.authorize("root", rootKey);
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

    private SshSettings root() {
        return new SshSettings("root", sshd.port, rootKey.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void logsInAsRootWithAKeyOfEachType(String type) throws Exception {
        Path key = TestKeys.generate(dir, "root_" + type, type);
        sshd.authorize("root", key);
        try (NodeConnector connector = new NodeConnector(new RecordingPrompt(), knownHosts);
             NodeConnection connection = connector.connect("127.0.0.1", root().withKeyFile(key.toString()))) {
            OutputCapture whoami = new OutputCapture();
            connection.runChecked(Command.idempotent("id -un"), whoami);
            assertEquals("root", whoami.stdout());
        } finally {
            sshd.authorize("root", rootKey);
        }
    }

    @Test
    void asksToTrustTheUnknownHostKeyShowingOpenSshsFingerprint() throws Exception {
        Files.delete(knownHosts);
        RecordingPrompt prompt = new RecordingPrompt().acceptingHostKeys();
        try (NodeConnector connector = new NodeConnector(prompt, knownHosts)) {
            connector.connect("127.0.0.1", root()).close();
            connector.connect("127.0.0.1", root()).close();
        }
        assertEquals(List.of(TestKeys.fingerprint(sshd.hostKey)), prompt.hostKeyFingerprints);
        assertFalse(TestKeys.lookup(knownHosts, "[127.0.0.1]:" + sshd.port).isEmpty());
    }

    @Test
    void stopsWhenTheHostKeyChanged() throws Exception {
        Path formerKey = TestKeys.generate(dir, "former_host_key", "ed25519");
        Files.writeString(knownHosts, "[127.0.0.1]:" + sshd.port + " " + TestKeys.publicLine(formerKey) + "\n");
        try (NodeConnector connector = new NodeConnector(new RecordingPrompt().acceptingHostKeys(), knownHosts)) {
            HostKeyChangedException error = assertThrows(HostKeyChangedException.class,
                    () -> connector.connect("127.0.0.1", root()));
            assertEquals(List.of(TestKeys.fingerprint(formerKey)), error.knownFingerprints());
            assertEquals(TestKeys.fingerprint(sshd.hostKey), error.newFingerprint());
        }
    }

    @Test
    void runsCommandsAsRootAndStreamsTheirOutput() throws Exception {
        Path seen = dir.resolve("seen");
        List<String> lines = new CopyOnWriteArrayList<>();
        LineSink sink = (stream, text) -> {
            lines.add(stream + ":" + text);
            if (text.equals("first")) {
                seen.toFile().mkdir();
            }
        };
        String script = "id -un\necho first\nwhile [ ! -d '" + seen + "' ]; do sleep 0.05; done\necho oops >&2\nexit 4";
        try (NodeConnector connector = new NodeConnector(new RecordingPrompt(), knownHosts);
             NodeConnection connection = connector.connect("127.0.0.1", root())) {
            CommandResult result = connection.run(Command.idempotent(script).withTimeout(Duration.ofSeconds(20)),
                    sink);
            assertEquals(4, result.exitStatus());
        }
        assertEquals(List.of("STDOUT:root", "STDOUT:first", "STDERR:oops"), lines);
    }

    @Test
    void uploadsAtomicallyWithModeAndOwnerAndReadsBack() throws Exception {
        Path target = dir.resolve("etc/kubernetes/pki/apiserver.key");
        try (NodeConnector connector = new NodeConnector(new RecordingPrompt(), knownHosts);
             NodeConnection connection = connector.connect("127.0.0.1", root())) {
            connection.upload(target.toString(), "first".getBytes(StandardCharsets.UTF_8), 0600, "nobody");
            connection.upload(target.toString(), "second".getBytes(StandardCharsets.UTF_8), 0640, "root:root");
            assertEquals("second", new String(connection.read(target.toString()).orElseThrow(),
                    StandardCharsets.UTF_8));
        }
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("root", Files.getOwner(target).getName());
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    /** Mast's sshj reader thread (32 KiB receive buffer, not 256 KiB per connection) is the one that runs. */
    @Test
    void theReaderClassIsMastsNotSshjs() {
        assertEquals(NodeConnection.class.getProtectionDomain().getCodeSource().getLocation(),
                Reader.class.getProtectionDomain().getCodeSource().getLocation(),
                "net.schmizz.sshj.transport.Reader must come from Mast's classes, ahead of sshj's jar on the class path");
    }

    @Test
    void aConnectionCarriesManyTimesTheReadersBufferIntact() throws Exception {
        try (NodeConnector connector = new NodeConnector(new RecordingPrompt(), knownHosts);
             NodeConnection connection = connector.connect("127.0.0.1", root())) {
            // 40,000 numbered lines, ~300 KB: many times the reader's buffer.
            OutputCapture output = new OutputCapture();
            connection.runChecked(Command.idempotent("seq -f 'line %06g of the reader test' 1 40000"), output);
            List<String> lines = output.stdoutLines();
            assertEquals(40000, lines.size());
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(String.format("line %06d of the reader test", i + 1), lines.get(i));
            }
        }
    }
}
