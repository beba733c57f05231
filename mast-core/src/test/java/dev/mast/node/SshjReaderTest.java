package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mast.plan.SshSettings;
import java.nio.file.Path;
import java.util.List;
import net.schmizz.sshj.transport.Reader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mast's replacement of sshj's reader thread (a 32 KiB receive buffer instead of 256 KiB per
 * connection) is the one running, and a connection carries more than its buffer holds intact.
 */
class SshjReaderTest {
    @TempDir
    static Path serverDir;
    static OpenSshServer sshd;
    static Path rootKey;

    @TempDir
    Path dir;

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

    @Test
    void theReaderClassIsMastsNotSshjs() {
        assertEquals(NodeConnection.class.getProtectionDomain().getCodeSource().getLocation(),
                Reader.class.getProtectionDomain().getCodeSource().getLocation(),
                "net.schmizz.sshj.transport.Reader must come from Mast's classes, ahead of sshj's jar on the class path");
    }

    @Test
    void aConnectionsReaderThreadIsMastsAndCarriesMegabytesIntact() throws Exception {
        Path knownHosts = sshd.trustedBy(dir.resolve("known_hosts"));
        try (NodeConnector connector = new NodeConnector(new RecordingPrompt(), knownHosts);
             NodeConnection connection = connector.connect("127.0.0.1",
                     new SshSettings("root", sshd.port, rootKey.toString()))) {
            List<Thread> readers = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("sshj-Reader")).toList();
            assertFalse(readers.isEmpty(), "a connection runs a reader thread");
            readers.forEach(thread -> assertEquals(Reader.class, thread.getClass()));

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
