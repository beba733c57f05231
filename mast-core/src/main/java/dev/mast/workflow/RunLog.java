package dev.mast.workflow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a run's full log to a folder the user can open: one file per node with every step
 * change and output line, and {@code run.log} with the run's start and summary.
 */
public final class RunLog implements ProgressListener, AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final Path folder;
    private final Map<String, BufferedWriter> writers = new HashMap<>();

    public RunLog(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
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
            flushAll();
        }
    }

    private void write(String name, String text, ProgressEvent event) {
        try {
            BufferedWriter writer = writers.get(name);
            if (writer == null) {
                writer = Files.newBufferedWriter(folder.resolve(name + ".log"), StandardCharsets.UTF_8);
                writers.put(name, writer);
            }
            writer.write(TIME.format(event.time()) + " " + text);
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run log in " + folder, e);
        }
    }

    private void flushAll() {
        for (BufferedWriter writer : writers.values()) {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the run log in " + folder, e);
            }
        }
    }

    @Override
    public synchronized void close() {
        for (BufferedWriter writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // Closing after a failed write: the write already reported the problem.
            }
        }
        writers.clear();
    }
}
