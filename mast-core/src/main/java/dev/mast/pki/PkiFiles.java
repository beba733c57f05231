package dev.mast.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The PKI folder on the machine Mast runs on. Reads never change anything; writes are atomic
 * (temporary file, then rename) and, where the file system has POSIX permissions, private
 * keys are 0600 from the moment they exist and folders are 0700.
 */
final class PkiFiles {
    static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");
    static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

    /** One file to write, relative to the PKI folder. */
    record Write(String relative, String content, boolean secret) {
        @Override
        public String toString() {
            return "Write[" + relative + (secret ? ", secret" : "") + "]";
        }
    }

    private final Path dir;
    private final boolean posix;

    PkiFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.posix = supportsPosix(this.dir.getFileSystem());
    }

    Path path(String relative) {
        return dir.resolve(relative);
    }

    /** The file's text, or empty if it does not exist. */
    Optional<String> read(String relative) {
        Path file = path(relative);
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw new PkiException(file, "is not a PEM text file");
        } catch (IOException e) {
            throw new PkiException(file, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Creates the folder (0700) if it does not exist yet. */
    void createFolder() {
        try {
            createPrivateDirs(dir);
        } catch (IOException e) {
            throw new PkiException(dir, "cannot be created (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    void writeAll(List<Write> writes) {
        for (Write write : writes) {
            Path file = path(write.relative());
            try {
                createPrivateDirs(file.getParent());
                writeAtomically(file, write.content().getBytes(StandardCharsets.UTF_8), write.secret());
            } catch (IOException e) {
                throw new PkiException(file, "cannot be written (" + e.getClass().getSimpleName() + ")", e);
            }
        }
    }

    private void createPrivateDirs(Path folder) throws IOException {
        if (folder == null) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            createPrivateDirs(folder.getParent());
            if (posix) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
            } else {
                Files.createDirectory(folder);
            }
        }
        // Only folders inside the PKI folder (and the folder itself) are tightened; the user's own parents are theirs.
        if (posix && folder.startsWith(dir)) {
            Files.setPosixFilePermissions(folder, PRIVATE_DIR);
        }
    }

    private void writeAtomically(Path file, byte[] content, boolean secret) throws IOException {
        Set<PosixFilePermission> mode = secret ? PRIVATE_FILE : PUBLIC_FILE;
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PRIVATE_FILE)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp", attributes);
        try {
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(temp, mode);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean supportsPosix(FileSystem fileSystem) {
        return fileSystem.supportedFileAttributeViews().contains("posix");
    }
}
