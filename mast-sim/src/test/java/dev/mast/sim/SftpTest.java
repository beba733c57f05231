package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.sim.machine.SudoPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SFTP uploads land in the node's virtual root, where its shell sees them, under the node's permissions. */
class SftpTest {
    @TempDir
    Path tmp;

    @Test
    void anUploadLandsInTheVirtualRootAndTheShellSeesIt() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            Path local = Files.writeString(tmp.resolve("manifest.yaml"), "apiVersion: v1\nkind: Pod\n");
            sim.run("mkdir -p /etc/kubernetes/manifests");
            sim.ssh("node001").upload(local, "/etc/kubernetes/manifests/.upload.tmp");
            sim.run("chmod 600 /etc/kubernetes/manifests/.upload.tmp && mv /etc/kubernetes/manifests/.upload.tmp /etc/kubernetes/manifests/x.yaml");
            assertEquals("apiVersion: v1\nkind: Pod\n", sim.run("cat /etc/kubernetes/manifests/x.yaml"));
            assertEquals("600\n", sim.run("stat -c %a /etc/kubernetes/manifests/x.yaml"));
            assertTrue(Files.isRegularFile(sim.node("node001").root().resolve("etc/kubernetes/manifests/x.yaml")));
            assertTrue(Files.notExists(tmp.resolve("etc")), "nothing may land outside the node's root");
        }
    }

    @Test
    void aUserOtherThanRootUploadsOnlyToItsOwnPlaces() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, "mast", b -> b.nodes(1).sshUser("mast", SudoPolicy.noPassword()))) {
            Path local = Files.writeString(tmp.resolve("f"), "content\n");
            assertThrows(IOException.class, () -> sim.ssh("node001").upload(local, "/etc/f"));
            sim.ssh("node001").upload(local, "/tmp/f");
            assertEquals("mast\n", sim.run("stat -c %U /tmp/f"));
            sim.run("sudo -n install -m 0644 /tmp/f /etc/f");
            assertEquals("content\n", sim.run("cat /etc/f"));
        }
    }
}
