package dev.mast.pki;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The PKI folder cannot be used as it is: a file is unreadable, corrupt or inconsistent, or
 * cannot be written. The message names the file and says what to do; it never contains key
 * material, and causes that might quote file content are not chained.
 */
public class PkiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public PkiException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public PkiException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file that is at fault, when there is one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
