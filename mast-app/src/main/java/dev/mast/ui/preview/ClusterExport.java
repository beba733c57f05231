package dev.mast.ui.preview;

import dev.mast.files.NodeFile;
import dev.mast.render.RenderedCluster;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the rendered files to a folder for review: {@code <folder>/<node>/<path on the node>}.
 * Private keys (and files that embed them) are left out: they reach the nodes only through a run.
 */
public final class ClusterExport {

    /** What was written. */
    public record Result(int files, int nodes, int secretsLeftOut) {
    }

    private ClusterExport() {
    }

    public static Result write(RenderedCluster cluster, Path folder) throws IOException {
        int files = 0;
        int secrets = 0;
        for (Map.Entry<String, List<NodeFile>> node : cluster.filesByNode().entrySet()) {
            Path nodeFolder = folder.resolve(node.getKey());
            for (NodeFile file : node.getValue()) {
                if (file.secret()) {
                    secrets++;
                    continue;
                }
                Path target = nodeFolder.resolve(file.path().substring(1)).normalize();
                if (!target.startsWith(nodeFolder)) {
                    throw new IOException("refusing to export " + file.path() + " of " + node.getKey() + ": it leaves the node's folder");
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.content());
                setMode(target, file.mode());
                files++;
            }
        }
        return new Result(files, cluster.filesByNode().size(), secrets);
    }

    private static void setMode(Path file, int mode) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values();
        // PosixFilePermission lists OWNER_READ ... OTHERS_EXECUTE, the order of the mode's bits from high to low.
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        Files.setPosixFilePermissions(file, permissions);
    }
}
