package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FileTransferTest extends ConnectedToMinaNode {
    @Test
    void uploadsIntoNewDirectoriesWithTheGivenMode() throws Exception {
        Path target = dir.resolve("etc/kubernetes/manifests/kube-apiserver.yaml");
        connection.upload(target.toString(), "kind: Pod\n".getBytes(StandardCharsets.UTF_8), 0640, null);
        assertEquals("kind: Pod\n", Files.readString(target));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void replacesAnExistingFileByRenameAndLeavesNoTempFiles() throws Exception {
        Path target = dir.resolve("conf/kubelet.yaml");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");
        // A hard link keeps the old inode: a rename over the target leaves it untouched, while
        // writing into the target in place would change it too.
        Path oldInode = dir.resolve("old-inode");
        Files.createLink(oldInode, target);
        connection.upload(target.toString(), "new".getBytes(StandardCharsets.UTF_8), 0600, "root:root");
        assertEquals("new", Files.readString(target));
        assertEquals("old", Files.readString(oldInode));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
        assertEquals("root", Files.getOwner(target).getName());
    }

    @Test
    void setsTheOwner() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root here");
        Path target = dir.resolve("owned");
        connection.upload(target.toString(), new byte[] {1}, 0644, "nobody");
        assertEquals("nobody", Files.getOwner(target).getName());
    }

    @Test
    void readsBackExactBytesAndReportsAMissingFileAsEmpty() throws Exception {
        byte[] binary = new byte[100_000];
        new Random(7).nextBytes(binary);
        Path target = dir.resolve("pki/ca.der");
        connection.upload(target.toString(), binary, 0600, null);
        assertArrayEquals(binary, connection.read(target.toString()).orElseThrow());
        assertEquals(Optional.empty(), connection.read(dir.resolve("pki/absent").toString()));
    }

    @Test
    void refusesToReplaceADirectory() throws Exception {
        Path target = Files.createDirectories(dir.resolve("a-directory"));
        CommandFailedException error = assertThrows(CommandFailedException.class,
                () -> connection.upload(target.toString(), new byte[] {1}, 0644, null));
        assertTrue(String.join("\n", error.lastLines()).contains("is a directory"), error.lastLines().toString());
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void rejectsBadArgumentsBeforeTouchingTheNode() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> connection.upload("relative/path", new byte[0], 0644, null));
        assertThrows(IllegalArgumentException.class,
                () -> connection.upload(dir.resolve("x").toString(), new byte[0], 0644, "root; rm -rf /"));
        assertThrows(IllegalArgumentException.class,
                () -> connection.upload(dir.resolve("x").toString(), new byte[0], 010000, null));
        assertTrue(Files.notExists(dir.resolve("x")));
    }
}
