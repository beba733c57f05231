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
    void uploadsSeveralFilesTogetherEachWithItsModeAndLeavesNoTempFiles() throws Exception {
        Path a = dir.resolve("etc/kubernetes/pki/ca.crt");
        Path b = dir.resolve("etc/kubernetes/pki/ca.key");
        Path c = dir.resolve("var/lib/kubelet/config.yaml");
        Files.createDirectories(b.getParent());
        Files.writeString(b, "old key");
        List<Path> stagingBefore = stagingFolders();
        connection.uploadAll(List.of(new Upload(a.toString(), "cert".getBytes(StandardCharsets.UTF_8), 0644, null),
                new Upload(b.toString(), "key".getBytes(StandardCharsets.UTF_8), 0600, null),
                new Upload(c.toString(), "kind: KubeletConfiguration\n".getBytes(StandardCharsets.UTF_8), 0640, null)));
        assertEquals("cert", Files.readString(a));
        assertEquals("key", Files.readString(b));
        assertEquals("kind: KubeletConfiguration\n", Files.readString(c));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(b)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(c)));
        try (Stream<Path> files = Files.list(a.getParent())) {
            assertEquals(List.of(a, b), files.sorted().toList(), "no temp file beside the targets");
        }
        assertEquals(List.of(), stagingFoldersSince(stagingBefore), "no staging folder left in /tmp");
    }

    /** The writes of all files go out before any answer: large files in many chunks and empty ones arrive byte for byte. */
    @Test
    void uploadsLargeAndEmptyFilesOfOneSetExactly() throws Exception {
        Random random = new Random(11);
        byte[] large = new byte[3 * 32 * 1024 + 123];
        byte[] exactChunk = new byte[32 * 1024];
        random.nextBytes(large);
        random.nextBytes(exactChunk);
        Path a = dir.resolve("images/large.bin");
        Path b = dir.resolve("images/empty");
        Path c = dir.resolve("images/chunk.bin");
        connection.uploadAll(List.of(new Upload(a.toString(), large, 0644, null), new Upload(b.toString(), new byte[0], 0600, null),
                new Upload(c.toString(), exactChunk, 0644, null)));
        assertArrayEquals(large, Files.readAllBytes(a));
        assertEquals(0, Files.size(b));
        assertArrayEquals(exactChunk, Files.readAllBytes(c));
    }

    /** Other test classes upload at the same time and remove their own folders: only a new one is this test's. */
    private static List<Path> stagingFoldersSince(List<Path> before) throws java.io.IOException {
        return stagingFolders().stream().filter(folder -> !before.contains(folder)).toList();
    }

    private static List<Path> stagingFolders() throws java.io.IOException {
        try (Stream<Path> files = Files.list(Path.of("/tmp"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("mast-upload.")).sorted().toList();
        }
    }

    @Test
    void aDirectoryAmongSeveralTargetsIsNamedAndNothingIsReplaced() throws Exception {
        Path file = dir.resolve("conf/one");
        Path directory = dir.resolve("conf/two");
        Files.createDirectories(directory);
        List<Path> stagingBefore = stagingFolders();
        CommandFailedException error = assertThrows(CommandFailedException.class, () -> connection.uploadAll(List.of(
                new Upload(file.toString(), new byte[] {1}, 0644, null), new Upload(directory.toString(), new byte[] {2}, 0644, null))));
        assertTrue(error.getMessage().contains("install " + directory), error.getMessage());
        assertEquals(List.of(directory + " is a directory"), error.lastLines());
        assertTrue(Files.notExists(file), "no file of the set was placed");
        assertTrue(Files.isDirectory(directory));
        assertEquals(List.of(), stagingFoldersSince(stagingBefore), "the staging folder is removed after a failure too");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(directory), files.toList(), "no temp file beside the targets");
        }
    }

    @Test
    void anUploadNeverShowsItsContent() {
        Upload upload = new Upload("/etc/kubernetes/pki/ca.key", "PRIVATE KEY".getBytes(StandardCharsets.UTF_8), 0600, null);
        assertTrue(!upload.toString().contains("PRIVATE"), upload.toString());
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
