package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** known_hosts read as ssh reads it: bytes, not UTF-8 text; a line that is no entry is skipped with a warning naming it. */
class KnownHostsBytesTest {
    @TempDir
    Path dir;
    Path file;
    PublicKey key;
    String keyLine;

    @BeforeEach
    void makeKey() throws Exception {
        file = dir.resolve("known_hosts");
        keyLine = TestKeys.publicLine(TestKeys.generate(dir, "host", "ed25519"));
        key = new Buffer.PlainBuffer(Base64.getDecoder().decode(keyLine.split(" ")[1])).readPublicKey();
    }

    private void write(Object... parts) throws Exception {
        var bytes = new ByteArrayOutputStream();
        for (Object part : parts) {
            bytes.write(part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, bytes.toByteArray());
    }

    @Test
    void aLatin1CommentDoesNotHideTheEntries() throws Exception {
        byte[] cafe = "# caf\u00e9 d'\u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        write(cafe, "10.0.0.1 ", keyLine, " ", "op\u00e9rateur".getBytes(StandardCharsets.ISO_8859_1), "\n");
        try (var log = new LogCapture()) {
            assertInstanceOf(KnownHosts.Verdict.Known.class, new KnownHosts(file).check("10.0.0.1", 22, key));
            assertEquals(List.of(), log.records().stream().filter(r -> r.contains("KnownHosts")).toList());
        }
    }

    @Test
    void bytesThatAreNotUtf8AnywhereLeaveTheOtherLinesReadable() throws Exception {
        write(new byte[] {(byte) 0xff, (byte) 0xfe, ' ', (byte) 0xc3, '\n'}, "10.0.0.1 ", keyLine, "\r\n");
        assertInstanceOf(KnownHosts.Verdict.Known.class, new KnownHosts(file).check("10.0.0.1", 22, key));
    }

    @Test
    void aLineThatIsNoEntryIsSkippedWithAWarningNamingItsLine() throws Exception {
        write("# comment\n\nbroken-line\n10.0.0.1 ssh-ed25519 not*base64\n10.0.0.1 ", keyLine, "\n");
        try (var log = new LogCapture()) {
            assertInstanceOf(KnownHosts.Verdict.Known.class, new KnownHosts(file).check("10.0.0.1", 22, key));
            List<String> warnings = log.records().stream().filter(r -> r.contains("WARNING") && r.contains("KnownHosts")).toList();
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains(file + ":3: not an entry (hosts, key type, base64 key); the line is skipped"),
                    warnings.get(0));
            assertTrue(warnings.get(1).contains(file + ":4: the key is not base64; the line is skipped"), warnings.get(1));
        }
    }

    @Test
    void theWarningIsGivenOncePerVersionOfTheFile() throws Exception {
        write("broken-line\n10.0.0.1 ", keyLine, "\n");
        var hosts = new KnownHosts(file);
        try (var log = new LogCapture()) {
            hosts.check("10.0.0.1", 22, key);
            hosts.check("10.0.0.1", 22, key);
            assertEquals(1, log.records().stream().filter(r -> r.contains(file + ":1:")).count());
        }
    }
}
