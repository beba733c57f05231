package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.sim.machine.SudoPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A non-root SSH user and sudo: without a password, with one read from stdin, and without sudo. */
class SudoTest {
    @TempDir
    Path tmp;

    @Test
    void aUserWithoutSudoCannotChangeTheSystem() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, "mast", b -> b.nodes(1).sshUser("mast", SudoPolicy.noPassword()))) {
            assertEquals("1000\n", sim.run("id -u"));
            SshTestClient.Result write = sim.exec("echo x > /etc/motd");
            assertEquals(2, write.status());
            assertTrue(write.err().contains("cannot create /etc/motd: Permission denied"), write.err());
            assertTrue(sim.exec("systemctl daemon-reload").err().contains("Interactive authentication required"));
            assertEquals(100, sim.exec("apt-get install -y kubelet").status());
            assertEquals("ok\n", sim.run("echo ok > /home/mast/f && cat /home/mast/f"));
        }
    }

    @Test
    void sudoWithoutPasswordRunsAsRoot() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, "mast", b -> b.nodes(1).sshUser("mast", SudoPolicy.noPassword()))) {
            assertEquals("0\n", sim.run("sudo -n id -u"));
            assertEquals("root\n", sim.run("sudo -n sh -c 'echo x > /etc/motd && whoami'"));
            assertEquals("root:root\n", sim.run("stat -c %U:%G /etc/motd"));
            sim.run("sudo -n sh -c \"" + PackagesTest.KUBERNETES_APT_SOURCE + "\"");
            assertEquals(0, sim.exec("sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y kubectl").status());
        }
    }

    @Test
    void sudoWithPasswordReadsItFromStdinAndPassesTheRestOn() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, "mast", b -> b.nodes(1).sshUser("mast", SudoPolicy.password("s3cret")))) {
            SshTestClient.Result ok = sim.ssh("node001").exec("sudo -S -p '' sh -c 'id -u; cat'", "s3cret\nrest of input\n");
            assertEquals(0, ok.status(), ok.err());
            assertEquals("0\nrest of input\n", ok.out());
            assertEquals("", ok.err());

            SshTestClient.Result wrong = sim.ssh("node001").exec("sudo -S -p '' id -u", "nope\nnope\nnope\n");
            assertEquals(1, wrong.status());
            assertTrue(wrong.err().contains("3 incorrect password attempts"), wrong.err());
            assertFalse(wrong.err().contains("s3cret"));

            SshTestClient.Result nonInteractive = sim.exec("sudo -n true");
            assertEquals(1, nonInteractive.status());
            assertTrue(nonInteractive.err().contains("a password is required"), nonInteractive.err());

            SshTestClient.Result noStdin = sim.exec("sudo true");
            assertEquals(1, noStdin.status());
            assertTrue(noStdin.err().contains("use the -S option"), noStdin.err());

            SshTestClient.Result prompt = sim.ssh("node001").exec("sudo -S true", "s3cret\n");
            assertEquals(0, prompt.status());
            assertEquals("[sudo] password for mast: ", prompt.err());
        }
    }

    @Test
    void aUserNotInSudoersIsRefused() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, "guest", b -> b.nodes(1).sshUser("guest", SudoPolicy.denied()))) {
            SshTestClient.Result result = sim.ssh("node001").exec("sudo -S -p '' true", "anything\n");
            assertEquals(1, result.status());
            assertTrue(result.err().contains("not in the sudoers file"), result.err());
        }
    }
}
