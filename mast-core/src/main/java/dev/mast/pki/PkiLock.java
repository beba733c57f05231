package dev.mast.pki;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps other Mast processes out of a PKI folder while this one uses it: two runs that each found no CA
 * would otherwise each make one, and one of them would be kept nowhere. The lock is the operating
 * system's lock on {@value #FILE} in the folder, so it ends with the process that holds it, however it
 * ends (a kill too): no lock is ever left behind. The file says who holds it, for the message another
 * process shows.
 *
 * <p>Within one process the folder is shared (the app previews while it runs an install), and
 * {@link #writing()} serialises the work that reads and completes the folder.
 */
public final class PkiLock implements AutoCloseable {
    static final String FILE = ".mast.lock";
    /** How long to wait for another process: long enough for a render, not for a run. */
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Map<Path, Held> HELD = new HashMap<>();

    /** This process's hold on one folder, shared by everything in the process that uses the folder. */
    private static final class Held {
        final FileChannel channel;
        final FileLock lock;
        final ReentrantLock writing = new ReentrantLock();
        int users;

        Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }
    }

    private final Path dir;
    private final Held held;
    private boolean closed;

    private PkiLock(Path dir, Held held) {
        this.dir = dir;
        this.held = held;
    }

    /**
     * Holds {@code dir} (created if need be, 0700) for this process until {@link #close}.
     *
     * @param purpose what this process does with it, for another process's message: {@code mast install}
     * @throws PkiFolderBusyException when another process still holds it after {@link #WAIT}
     */
    public static PkiLock hold(Path dir, String purpose) {
        return hold(dir, purpose, WAIT);
    }

    static PkiLock hold(Path dir, String purpose, Duration wait) {
        Path folder = dir.toAbsolutePath().normalize();
        synchronized (HELD) {
            Held held = HELD.get(folder);
            if (held == null) {
                held = lock(folder, purpose, wait);
                HELD.put(folder, held);
            }
            held.users++;
            return new PkiLock(folder, held);
        }
    }

    private static Held lock(Path folder, String purpose, Duration wait) {
        new PkiFiles(folder).createFolder();
        Path file = folder.resolve(FILE);
        Instant deadline = Instant.now().plus(wait);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                FileLock lock;
                while ((lock = channel.tryLock()) == null) {
                    if (Instant.now().isAfter(deadline)) {
                        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                        throw new PkiFolderBusyException(folder, holder);
                    }
                    Thread.sleep(POLL.toMillis());
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(holder(purpose).getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
                return new Held(channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PkiException(file, "was not locked: interrupted while waiting for another Mast process");
        } catch (IOException e) {
            throw new PkiException(file, "cannot be locked (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String holder(String purpose) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this machine";
        }
        return purpose + " (pid " + ProcessHandle.current().pid() + " on " + host + ", since "
                + Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS) + ")\n";
    }

    /** Held while reading and completing the folder, so two users in this process never both make a CA. */
    public ReentrantLock writing() {
        return held.writing;
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            if (--held.users == 0) {
                HELD.remove(dir);
                try {
                    held.lock.release();
                    held.channel.close();
                } catch (IOException e) {
                    // Closing the channel releases the lock; the process's end would too.
                }
            }
        }
    }

    /** Another Mast process holds the PKI folder. */
    public static final class PkiFolderBusyException extends PkiException {
        private static final long serialVersionUID = 1L;

        PkiFolderBusyException(Path folder, String holder) {
            super(folder, "is in use by another Mast process" + (holder.isEmpty() ? "" : ": " + holder)
                    + "; wait until it has finished, or use another --pki folder");
        }
    }
}
