package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsTest {
    @TempDir
    Path dir;
    Path file;
    Path keyFile;
    PublicKey key;
    String keyLine;

    @BeforeEach
    void makeKey() throws Exception {
        file = dir.resolve("known_hosts");
        keyFile = TestKeys.generate(dir, "host", "ed25519");
        keyLine = TestKeys.publicLine(keyFile);
        key = new Buffer.PlainBuffer(Base64.getDecoder().decode(keyLine.split(" ")[1])).readPublicKey();
    }

    private KnownHosts.Verdict check(String lines, String host, int port) throws Exception {
        Files.writeString(file, lines);
        return new KnownHosts(file).check(host, port, key);
    }

    @Test
    void matchesAPlainHostOnPort22AndABracketedHostOnOtherPorts() throws Exception {
        assertInstanceOf(KnownHosts.Verdict.Known.class, check("10.0.0.1 " + keyLine + "\n", "10.0.0.1", 22));
        assertInstanceOf(KnownHosts.Verdict.Unknown.class, check("10.0.0.1 " + keyLine + "\n", "10.0.0.1", 2222));
        assertInstanceOf(KnownHosts.Verdict.Known.class, check("[10.0.0.1]:2222 " + keyLine + "\n", "10.0.0.1", 2222));
    }

    @Test
    void matchesCommaListsWildcardsAndHonoursNegation() throws Exception {
        assertInstanceOf(KnownHosts.Verdict.Known.class, check("a.example,10.0.0.1 " + keyLine + "\n", "10.0.0.1", 22));
        assertInstanceOf(KnownHosts.Verdict.Known.class, check("10.0.0.? " + keyLine + "\n", "10.0.0.7", 22));
        assertInstanceOf(KnownHosts.Verdict.Known.class, check("10.0.* " + keyLine + "\n", "10.0.3.7", 22));
        assertInstanceOf(KnownHosts.Verdict.Unknown.class,
                check("10.0.*,!10.0.0.9 " + keyLine + "\n", "10.0.0.9", 22));
    }

    @Test
    void matchesHashedEntriesMadeByOpenSsh() throws Exception {
        Files.writeString(file, "node1.example " + keyLine + "\n[node1.example]:2200 " + keyLine + "\n");
        TestKeys.hashKnownHosts(file);
        assertTrue(Files.readAllLines(file).stream().allMatch(line -> line.startsWith("|1|")));
        KnownHosts hosts = new KnownHosts(file);
        assertInstanceOf(KnownHosts.Verdict.Known.class, hosts.check("node1.example", 22, key));
        assertInstanceOf(KnownHosts.Verdict.Known.class, hosts.check("NODE1.example", 2200, key));
        assertInstanceOf(KnownHosts.Verdict.Unknown.class, hosts.check("node2.example", 22, key));
    }

    @Test
    void reportsAChangeOnlyForTheSameKeyType() throws Exception {
        Path other = TestKeys.generate(dir, "other", "ed25519");
        Path ecdsa = TestKeys.generate(dir, "ecdsa", "ecdsa");
        var changed = check("10.0.0.1 " + TestKeys.publicLine(other) + "\n", "10.0.0.1", 22);
        assertEquals(new KnownHosts.Verdict.Changed(List.of(TestKeys.fingerprint(other))), changed);
        assertInstanceOf(KnownHosts.Verdict.Unknown.class,
                check("10.0.0.1 " + TestKeys.publicLine(ecdsa) + "\n", "10.0.0.1", 22));
    }

    @Test
    void skipsCommentsAndLinesItCannotRead() throws Exception {
        String lines = "# a comment\n\nbroken-line\n10.0.0.1 ssh-ed25519 not*base64\n10.0.0.1 " + keyLine + "\n";
        assertInstanceOf(KnownHosts.Verdict.Known.class, check(lines, "10.0.0.1", 22));
    }

    @Test
    void appendsOnANewLineAndOpenSshFindsTheEntry() throws Exception {
        Files.writeString(file, "# no newline at the end");
        new KnownHosts(file).add("10.0.0.1", 2222, key);
        List<String> lines = Files.readAllLines(file);
        assertEquals("# no newline at the end", lines.get(0));
        assertEquals("[10.0.0.1]:2222 " + keyLine.substring(0, keyLine.lastIndexOf(' ')), lines.get(1));
        assertTrue(TestKeys.lookup(file, "[10.0.0.1]:2222").contains(keyLine.split(" ")[1]));
    }

    @Test
    void createsTheSshDirectoryWhenMissing() throws Exception {
        Path nested = dir.resolve("home/.ssh/known_hosts");
        new KnownHosts(nested).add("node1", 22, key);
        assertInstanceOf(KnownHosts.Verdict.Known.class, new KnownHosts(nested).check("node1", 22, key));
    }

    @Test
    void connectionsThatTrustNodesAtTheSameTimeAllRecordTheirKeys() throws Exception {
        int nodes = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(nodes);
        try {
            List<java.util.concurrent.Future<?>> adds = new java.util.ArrayList<>();
            for (int i = 1; i <= nodes; i++) {
                String host = "10.0.0." + i;
                // Each connection has a KnownHosts of its own, as each node's connection test does.
                adds.add(pool.submit(() -> {
                    start.await();
                    new KnownHosts(file).add(host, 22, key);
                    return null;
                }));
            }
            start.countDown();
            for (var add : adds) {
                add.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (int i = 1; i <= nodes; i++) {
            assertInstanceOf(KnownHosts.Verdict.Known.class, new KnownHosts(file).check("10.0.0." + i, 22, key), "10.0.0." + i);
        }
        assertEquals(nodes, Files.readAllLines(file).size());
    }
}
