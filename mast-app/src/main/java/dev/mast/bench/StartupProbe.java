package dev.mast.bench;

import dev.mast.ui.StartupSignal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Times one start of Mast's launcher as a child process, from just before the process is
 * created: to the line the app prints once its first window is shown ({@link StartupSignal}),
 * or to the exit of {@code mast --help}. Process creation and JVM start count, as they do for a user.
 */
public final class StartupProbe {
    private static final int STDERR_TAIL_LINES = 15;
    /** Set by a jpackage launcher for the JVM it starts; a launcher that inherits it takes itself for that JVM. */
    private static final String JPACKAGE_MARK = "_JPACKAGE_LAUNCHER";

    private final Path launcher;
    private final Map<String, String> environment;
    private final Duration timeout;

    /** @param environment added to the child's environment (JAVA_TOOL_OPTIONS for the report flag, -Xshare:off) */
    public StartupProbe(Path launcher, Map<String, String> environment, Duration timeout) {
        this.launcher = launcher;
        this.environment = environment;
        this.timeout = timeout;
    }

    /** Milliseconds from process creation to the first shown window; the app is closed afterwards. */
    public long firstWindowMillis() throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("mast-bench-startup", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectError(stderr.toFile());
            prepare(builder);
            long start = System.nanoTime();
            Process app = builder.start();
            try {
                CompletableFuture<Boolean> marker = CompletableFuture.supplyAsync(() -> readUntilMarker(app));
                boolean shown = marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                long elapsed = System.nanoTime() - start;
                if (!shown) {
                    app.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    throw new IOException(launcher + " exited" + exitCode(app) + " before it showed a window" + tail(stderr));
                }
                return TimeUnit.NANOSECONDS.toMillis(elapsed);
            } catch (TimeoutException e) {
                throw new IOException(launcher + " showed no window within " + timeout.toSeconds() + " s" + tail(stderr), e);
            } catch (ExecutionException e) {
                throw new IOException("cannot read the output of " + launcher + ": " + e.getCause().getMessage(), e);
            } finally {
                close(app);
            }
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    /** Milliseconds from process creation to the exit of {@code launcher --help}, which must succeed. */
    public long helpMillis() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--help")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        prepare(builder);
        long start = System.nanoTime();
        Process cli = builder.start();
        if (!cli.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close(cli);
            throw new IOException(launcher + " --help did not finish within " + timeout.toSeconds() + " s");
        }
        long elapsed = System.nanoTime() - start;
        if (cli.exitValue() != 0) {
            throw new IOException(launcher + " --help exited with " + cli.exitValue());
        }
        return TimeUnit.NANOSECONDS.toMillis(elapsed);
    }

    private void prepare(ProcessBuilder builder) {
        builder.environment().remove(JPACKAGE_MARK);
        builder.environment().putAll(environment);
    }

    private static boolean readUntilMarker(Process app) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.strip().equals(StartupSignal.MARKER)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void close(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String exitCode(Process process) {
        return process.isAlive() ? "" : " with " + process.exitValue();
    }

    private static String tail(Path stderr) throws IOException {
        List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return "";
        }
        return "; its last error output:\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size()));
    }
}
