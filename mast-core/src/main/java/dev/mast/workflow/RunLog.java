package dev.mast.workflow;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a run's full log to a folder the user can open: one file per node with every step
 * change and output line, and {@code run.log} with the run's start and summary. Each line is
 * written whole, as it happens, with nothing buffered: a run that is killed leaves every line
 * it had reached, and none cut in half. The folder is the user's only (it holds every
 * command's output).
 */
public final class RunLog implements ProgressListener, AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path folder;
    private final Map<String, OutputStream> files = new HashMap<>();

    public RunLog(Path folder) throws IOException {
        this.folder = createPrivate(folder);
    }

    /** A new folder under {@code base} named after the time and the workflow, e.g. {@code 20261125-160537-install}. */
    public static RunLog inNewFolder(Path base, String workflow) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault())
                .format(java.time.Instant.now());
        Path folder = base.resolve(stamp + "-" + workflow);
        for (int n = 2; Files.exists(folder); n++) {
            folder = base.resolve(stamp + "-" + workflow + "-" + n);
        }
        return new RunLog(folder);
    }

    /** Where runs are logged by default: {@code $XDG_DATA_HOME/mast/runs}, else {@code ~/.local/share/mast/runs}. */
    public static Path defaultBase() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("mast").resolve("runs");
    }

    public Path folder() {
        return folder;
    }

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        if (event instanceof ProgressEvent.RunStarted s) {
            write("run", "started " + s.workflow() + " on " + s.nodes().size() + " nodes: " + String.join(", ", s.nodes()), s);
        } else if (event instanceof ProgressEvent.StepChanged s) {
            write(s.node(), "[" + s.phase() + "] " + s.state() + ": " + s.message(), s);
        } else if (event instanceof ProgressEvent.LogLine l) {
            write(l.node(), "[" + l.phase() + "] " + l.level() + " " + l.text(), l);
        } else if (event instanceof ProgressEvent.RunFinished f) {
            write("run", f.summary().describe(), f);
        }
    }

    /** One write of the whole line, so the file never holds part of one. */
    private void write(String name, String text, ProgressEvent event) {
        byte[] line = (TIME.format(event.time()) + " " + text + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            OutputStream file = files.get(name);
            if (file == null) {
                file = open(folder.resolve(name + ".log"));
                files.put(name, file);
            }
            file.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run log in " + folder, e);
        }
    }

    @Override
    public synchronized void close() {
        for (OutputStream file : files.values()) {
            try {
                file.close();
            } catch (IOException ignored) {
                // Nothing is buffered: every line was written, or its write reported the problem.
            }
        }
        files.clear();
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static Path createPrivate(Path folder) throws IOException {
        if (!posix()) {
            return Files.createDirectories(folder);
        }
        Files.createDirectories(folder.getParent(), PosixFilePermissions.asFileAttribute(FOLDER));
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        Files.setPosixFilePermissions(folder, FOLDER);
        return folder;
    }

    /** Unbuffered: each write goes to the file at once. */
    private static OutputStream open(Path file) throws IOException {
        FileAttribute<?>[] attributes = posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
        if (!Files.exists(file)) {
            Files.createFile(file, attributes);
        }
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
}
