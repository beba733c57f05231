package dev.mast.render;

import dev.mast.files.NodeFile;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a rendered cluster to a folder, one sub-folder per node mirroring the node's paths
 * ({@code node001/etc/kubernetes/manifests/kube-apiserver.yaml}), with each file's mode.
 */
public final class RenderedFolder {
    private RenderedFolder() {
    }

    /** True if the folder does not exist or is empty. */
    public static boolean isEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Writes every file; refuses a non-empty folder unless {@code overwrite}, before writing anything.
     *
     * @return the number of files written
     */
    public static int write(RenderedCluster rendered, Path dir, boolean overwrite) throws IOException {
        if (!overwrite && !isEmpty(dir)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "the folder is not empty");
        }
        int count = 0;
        for (var entry : rendered.filesByNode().entrySet()) {
            Path nodeDir = dir.resolve(entry.getKey());
            for (NodeFile file : entry.getValue()) {
                Path target = nodeDir.resolve(file.path().substring(1));
                Files.createDirectories(target.getParent());
                Files.write(target, file.content());
                setMode(target, file.mode());
                count++;
            }
        }
        return count;
    }

    private static void setMode(Path file, int mode) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(rwx(mode >> 6) + rwx(mode >> 3) + rwx(mode));
        Files.setPosixFilePermissions(file, permissions);
    }

    private static String rwx(int bits) {
        return ((bits & 4) != 0 ? "r" : "-") + ((bits & 2) != 0 ? "w" : "-") + ((bits & 1) != 0 ? "x" : "-");
    }
}
