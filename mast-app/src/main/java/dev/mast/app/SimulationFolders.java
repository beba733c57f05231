package dev.mast.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders of "Try a simulated cluster": each simulation gets a fresh one (its nodes' roots, keys,
 * PKI), locked for as long as this process uses it. Whatever is left under the base by simulations
 * that no process holds any more (an earlier session, a crash) is removed when a new one starts;
 * another Mast that runs a simulation keeps its folder.
 */
final class SimulationFolders {
    static final String LOCK_FILE = "in-use.lock";

    private final Path base;

    SimulationFolders(Path base) {
        this.base = base;
    }

    /** A new, empty folder held by this process until {@link Held#close()}. */
    Held create() throws IOException {
        Files.createDirectories(base);
        removeAbandoned();
        Path dir = Files.createTempDirectory(base, "sim-");
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return new Held(dir, channel, channel.lock());
    }

    /** Removes every entry of the base that no running simulation holds. */
    void removeAbandoned() throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(base)) {
            entries = list.toList();
        }
        for (Path entry : entries) {
            if (!heldByAnyone(entry)) {
                deleteTree(entry);
            }
        }
    }

    private static boolean heldByAnyone(Path entry) throws IOException {
        Path lock = entry.resolve(LOCK_FILE);
        if (!Files.isDirectory(entry) || !Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock free = channel.tryLock();
            if (free == null) {
                return true;
            }
            free.release();
            return false;
        } catch (OverlappingFileLockException e) {
            // This process holds it.
            return true;
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A simulation's folder; closing releases and removes it. */
    record Held(Path dir, FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
            deleteTree(dir);
        }
    }
}
