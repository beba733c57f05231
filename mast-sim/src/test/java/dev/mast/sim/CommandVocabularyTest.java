package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell vocabulary, driven through a real SSH client against one fresh node. */
class CommandVocabularyTest {
    @TempDir
    static Path tmp;
    static SimFixture sim;

    @BeforeAll
    static void start() throws Exception {
        sim = SimFixture.start(tmp, b -> b.nodes(1));
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
    }

    @Test
    void quotedWordsReachTheCommandIntact() throws Exception {
        assertEquals("a b|c'd|e f|$HOME|", sim.run("printf '%s|' 'a b' \"c'd\" e\\ f '$HOME'"));
    }

    @Test
    void andOrListsRunOnlyTheSideTheStatusSelects() throws Exception {
        assertEquals("yes\n", sim.run("false && echo no || echo yes"));
        assertEquals(1, sim.exec("true && false").status());
        assertEquals(0, sim.exec("! false").status());
        assertEquals(1, sim.exec("! true").status());
    }

    @Test
    void aReadSaysWithItsStatusThatTheFileIsMissing() throws Exception {
        assertEquals(44, sim.exec("test -e '/no/such' || exit 44; cat -- '/no/such'").status());
        assertEquals(0, sim.exec("test -e '/etc/hostname' || exit 44; cat -- '/etc/hostname'").status());
    }

    @Test
    void theExitStatusIsTheLastCommands() throws Exception {
        assertEquals(0, sim.exec("false; true").status());
        assertEquals(1, sim.exec("true\nfalse").status());
        assertEquals(3, sim.exec("bash -c 'exit 3'").status());
    }

    @Test
    void setEStopsAtTheFirstFailureOutsideConditions() throws Exception {
        SshTestClient.Result stopped = sim.exec("set -e; false; echo after");
        assertEquals(1, stopped.status());
        assertEquals("", stopped.out());
        assertEquals("ok\n", sim.run("set -e; false || true; echo ok"));
        assertEquals(1, sim.exec("sh -ec 'false; echo never'").status());
    }

    @Test
    void redirectionsWriteAppendAndDiscard() throws Exception {
        assertEquals("one\ntwo\n", sim.run("echo one > /tmp/redirect && echo two >> /tmp/redirect && cat /tmp/redirect"));
        SshTestClient.Result quiet = sim.exec("cat /no/such/file 2>/dev/null");
        assertEquals(1, quiet.status());
        assertEquals("", quiet.err());
        SshTestClient.Result merged = sim.exec("cat /no/such/file 2>&1");
        assertTrue(merged.out().contains("cat: /no/such/file: No such file or directory"), merged.out());
        assertEquals("", sim.run("echo hidden >/dev/null 2>&1"));
        assertEquals("x\n", sim.run("echo x > /tmp/in && cat < /tmp/in"));
    }

    @Test
    void pipesFeedOneCommandIntoTheNext() throws Exception {
        assertEquals("2\n", sim.run("printf 'a\\nb\\nc\\n' | grep -v b | wc -l"));
        assertEquals(0, sim.exec("cat /etc/os-release | grep -q '^ID=debian'").status());
    }

    @Test
    void nestedShellsRunTheirScripts() throws Exception {
        assertEquals("a\nb\n", sim.run("sh -c 'echo a && sh -c \"echo b\"'"));
        assertEquals("from stdin\n", sim.ssh("node001").exec("sh", "echo from stdin\n").out());
    }

    @Test
    void anUnknownCommandIsNotFound() throws Exception {
        SshTestClient.Result result = sim.exec("kubeadm version");
        assertEquals(127, result.status());
        assertTrue(result.err().contains("kubeadm: not found"), result.err());
    }

    @Test
    void unsupportedSyntaxIsAClearSyntaxError() throws Exception {
        SshTestClient.Result result = sim.exec("echo $(hostname)");
        assertEquals(2, result.status());
        assertTrue(result.err().contains("not supported by the simulator"), result.err());
    }

    @Test
    void installCreatesParentsWithModeAndOwner() throws Exception {
        sim.run("echo secret > /tmp/key && install -D -m 0600 -o etcd -g etcd /tmp/key /etc/kubernetes/pki/etcd/server.key");
        assertEquals("600 etcd:etcd\n", sim.run("stat -c '%a %U:%G' /etc/kubernetes/pki/etcd/server.key"));
        assertEquals("secret\n", sim.run("cat /etc/kubernetes/pki/etcd/server.key"));
        assertTrue(sim.node("node001").root().resolve("etc/kubernetes/pki/etcd/server.key").toFile().isFile());
    }

    @Test
    void copyArchiveKeepsModeAndOwnerAndMoveRenames() throws Exception {
        sim.run("mkdir -p /srv/a && echo data > /srv/a/f && chmod 640 /srv/a/f && chown nobody:adm /srv/a/f");
        sim.run("cp -a /srv/a /srv/b && mv /srv/b/f /srv/b/g");
        assertEquals("640 nobody:adm\n", sim.run("stat -c '%a %U:%G' /srv/b/g"));
        assertEquals(1, sim.exec("test -e /srv/b/f").status());
        sim.run("cp /srv/a/f /srv/plain");
        assertEquals("640 root:root\n", sim.run("stat -c '%a %U:%G' /srv/plain"));
    }

    @Test
    void fileTestsSeeFilesDirectoriesAndEmptiness() throws Exception {
        sim.run("mkdir -p /t/d && touch /t/empty && echo x > /t/full");
        assertEquals(0, sim.exec("test -d /t/d && test -f /t/full && test -s /t/full && [ -e /t/empty ]").status());
        assertEquals(1, sim.exec("test -s /t/empty").status());
        assertEquals(1, sim.exec("[ -f /t/d ]").status());
        assertEquals(0, sim.exec("[ \"a\" = a ] && [ 3 -gt 2 ] && [ -n x ] && [ -z '' ]").status());
    }

    @Test
    void removeLinkAndGlobWorkOnTheNodesFiles() throws Exception {
        sim.run("mkdir -p /g && touch /g/a.yaml /g/b.yaml /g/c.txt");
        assertEquals("/g/a.yaml\n/g/b.yaml\n", sim.run("ls -d /g/*.yaml"));
        sim.run("rm -f /g/*.yaml");
        assertEquals("c.txt\n", sim.run("ls /g"));
        sim.run("ln -sf /g/c.txt /g/link && ln -sf /g/c.txt /g/link");
        assertEquals("/g/c.txt\n", sim.run("readlink /g/link"));
        sim.run("rm -rf /g");
        assertEquals(1, sim.exec("test -e /g").status());
        assertEquals(1, sim.exec("rm /g").status());
        assertEquals(0, sim.exec("rm -f /g").status());
    }

    @Test
    void sha256sumMatchesTheContent() throws Exception {
        sim.run("printf 'hello' > /tmp/h");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected + "  /tmp/h\n", sim.run("sha256sum /tmp/h"));
        assertEquals("/tmp/h: OK\n", sim.run("sha256sum /tmp/h > /tmp/sums && sha256sum -c /tmp/sums"));
    }

    @Test
    void diffShowsAUnifiedDiffAndItsStatus() throws Exception {
        sim.run("printf 'a\\nb\\nc\\n' > /tmp/d1 && printf 'a\\nB\\nc\\n' > /tmp/d2");
        SshTestClient.Result result = sim.exec("diff -u /tmp/d1 /tmp/d2");
        assertEquals(1, result.status());
        assertTrue(result.out().contains("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"), result.out());
        assertEquals(0, sim.exec("diff -u /tmp/d1 /tmp/d1").status());
    }

    @Test
    void mktempMakesFreshFilesAndDirectories() throws Exception {
        String dir = sim.run("mktemp -d").trim();
        assertTrue(dir.startsWith("/tmp/tmp."), dir);
        assertEquals("700\n", sim.run("stat -c %a " + dir));
        String file = sim.run("mktemp /tmp/mast.XXXXXX").trim();
        assertTrue(file.matches("/tmp/mast\\.[A-Za-z0-9]{6}"), file);
    }

    @Test
    void curlWritesItsFiguresOutWhenItFailsToo() throws Exception {
        SshTestClient.Result refused = sim.exec("curl -sk -o /dev/null -w '%{http_code} %{exitcode}' https://127.0.0.1:6443/livez");
        assertEquals(7, refused.status());
        assertEquals("000 7", refused.out());
        assertEquals(0, sim.exec("curl -sk -o /dev/null -w %{exitcode} https://127.0.0.1:6443/livez | grep -qx 7").status());
    }

    @Test
    void commandVFindsBaseToolsButNotMissingPackages() throws Exception {
        assertEquals("/usr/bin/curl\n", sim.run("command -v curl"));
        assertEquals(127, sim.exec("command -v kubelet").status());
        assertEquals(1, sim.exec("which crictl").status());
        assertEquals("/usr/bin/apt-get\n", sim.run("which apt-get"));
    }

    @Test
    void aLoginShellRunsLinesUntilExit() throws Exception {
        assertEquals("root@node001:/root# node001\nroot@node001:/root# /tmp\nroot@node001:/tmp# ",
                sim.ssh("node001").shell("hostname\ncd /tmp && pwd\nexit\n"));
    }
}
