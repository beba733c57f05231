package dev.mast.sim;

import dev.mast.sim.machine.VirtualFs;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collection;
import java.util.Set;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * SFTP on the node's virtual root with the node's rules: a user other than root may only
 * create or change files where it could from the shell (its home, /tmp), and what it creates
 * belongs to it.
 */
final class SimSftpAccessor implements SftpFileSystemAccessor {
    private final VirtualFs fs;

    SimSftpAccessor(VirtualFs fs) {
        this.fs = fs;
    }

    private static String user(SftpSubsystemProxy subsystem) {
        return subsystem.getServerSession().getUsername();
    }

    private static String virtual(Path path) {
        return VirtualFs.normalize("/", path.toAbsolutePath().normalize().toString());
    }

    private void checkWritable(SftpSubsystemProxy subsystem, Path path) throws AccessDeniedException {
        if (!fs.canWrite(user(subsystem), virtual(path))) {
            throw new AccessDeniedException(virtual(path), null, "Permission denied");
        }
    }

    @Override
    public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle handle, Path file, String handleId,
                                        Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        boolean writes = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        boolean existed = Files.exists(file);
        if (writes) {
            checkWritable(subsystem, file);
        } else if (!fs.canRead(user(subsystem), virtual(file))) {
            throw new AccessDeniedException(virtual(file), null, "Permission denied");
        }
        SeekableByteChannel channel = SftpFileSystemAccessor.super.openFile(subsystem, handle, file, handleId, options, attrs);
        if (writes && !existed) {
            fs.setOwner(virtual(file), new VirtualFs.Owner(user(subsystem), user(subsystem)));
        }
        return channel;
    }

    /** Counts the change once the file is complete, so the kubelet looks at it then. */
    @Override
    public void closeFile(SftpSubsystemProxy subsystem, FileHandle handle, Path file, String handleId, java.nio.channels.Channel channel,
                          Set<? extends OpenOption> options) throws IOException {
        try {
            SftpFileSystemAccessor.super.closeFile(subsystem, handle, file, handleId, channel, options);
        } finally {
            fs.changed();
        }
    }

    @Override
    public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
        checkWritable(subsystem, path);
        SftpFileSystemAccessor.super.createDirectory(subsystem, path);
        fs.setOwner(virtual(path), new VirtualFs.Owner(user(subsystem), user(subsystem)));
    }

    @Override
    public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
        checkWritable(subsystem, path);
        SftpFileSystemAccessor.super.removeFile(subsystem, path, isDirectory);
        fs.setOwner(virtual(path), VirtualFs.Owner.ROOT);
    }

    @Override
    public void renameFile(SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<java.nio.file.CopyOption> opts)
            throws IOException {
        checkWritable(subsystem, oldPath);
        checkWritable(subsystem, newPath);
        SftpFileSystemAccessor.super.renameFile(subsystem, oldPath, newPath, opts);
        fs.moveOwners(virtual(oldPath), virtual(newPath));
    }

    @Override
    public void setFilePermissions(SftpSubsystemProxy subsystem, Path path, Set<PosixFilePermission> perms,
                                   java.nio.file.LinkOption... options) throws IOException {
        if (!user(subsystem).equals("root") && !fs.owner(virtual(path)).user().equals(user(subsystem))) {
            throw new AccessDeniedException(virtual(path), null, "Operation not permitted");
        }
        SftpFileSystemAccessor.super.setFilePermissions(subsystem, path, perms, options);
        fs.changed();
    }
}
