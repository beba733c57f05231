package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.tasks.ClusterFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Keeps the cluster's admin kubeconfig on this machine, readable by the user only, once every node is done. */
public final class SaveAdminKubeconfig implements Step {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final ClusterFiles files;
    private final Path file;

    public SaveAdminKubeconfig(ClusterFiles files, Path file) {
        this.files = files;
        this.file = file;
    }

    /** Kept already, as it is, for the user only: a re-run changes nothing. */
    @Override
    public boolean isDone(NodeContext context) throws Exception {
        return Files.isRegularFile(file) && Files.getPosixFilePermissions(file).equals(OWNER_ONLY)
                && Files.readString(file).equals(files.rendered().adminKubeconfig());
    }

    @Override
    public void run(NodeContext context) throws Exception {
        context.remote().perform("write " + file + " (600) on this machine", () -> {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, files.rendered().adminKubeconfig());
            context.log("saved the admin kubeconfig in " + file);
        });
    }
}
