package dev.mast.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged command line ({@code java -jar mast-app/target/mast.jar}, or {@code -Dmast.e2e.jar=...}),
 * run as a user would, with its home, run logs and app log inside the test's folder.
 */
final class MastCli {
    private static final Pattern RUN_LOG = Pattern.compile("(?m)^run log: (.+)$");
    private static final Pattern STEP = Pattern.compile("^\\S+ \\[([^\\]]+)\\] (RUNNING|DONE|SKIPPED|FAILED|ROLLED_BACK): ");

    private final Path dir;
    private int runs;

    MastCli(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(home().resolve(".ssh"));
    }

    static Path jar() {
        return Path.of(System.getProperty("mast.e2e.jar", "target/mast.jar")).toAbsolutePath();
    }

    Path home() {
        return dir.resolve("home");
    }

    /** A finished run: exit code, everything it printed, and the run log folder it named. */
    record Run(int exit, String output, Duration took, Optional<Path> runLog) {
        /** Each phase's last state on the node, from the node's run log, in phase order. */
        Map<String, String> states(String node) throws IOException {
            Map<String, String> states = new LinkedHashMap<>();
            Path log = runLog.orElseThrow(() -> new IllegalStateException("the run printed no run log folder:\n" + output))
                    .resolve(node + ".log");
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = STEP.matcher(line);
                if (m.find()) {
                    states.put(m.group(1), m.group(2));
                }
            }
            return states;
        }

        String describe() {
            return "exit " + exit + " after " + took.toSeconds() + " s; output:\n" + output;
        }
    }

    /** A run in progress. */
    record Started(Process process, Path output, List<String> args, long startNanos) { }

    /** Runs {@code mast ARGS} to its end (at most {@code timeout}). */
    Run run(Duration timeout, String... args) throws IOException, InterruptedException {
        return await(start(args), timeout);
    }

    /** Starts {@code mast ARGS} without waiting for it. */
    Started start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Duser.home=" + home(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path output = dir.resolve(String.format("mast-%02d-%s.out", ++runs, args[0]));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        return new Started(builder.start(), output, List.of(args), System.nanoTime());
    }

    /** Waits for a started run to end (at most {@code timeout}). */
    Run await(Started started, Duration timeout) throws IOException, InterruptedException {
        Process process = started.process();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
            throw new IllegalStateException("mast " + String.join(" ", started.args()) + " did not finish within "
                    + timeout + "; output so far:\n" + Files.readString(started.output(), StandardCharsets.UTF_8));
        }
        String output = Files.readString(started.output(), StandardCharsets.UTF_8);
        Matcher m = RUN_LOG.matcher(output);
        Optional<Path> runLog = m.find() ? Optional.of(Path.of(m.group(1).trim())) : Optional.empty();
        return new Run(process.exitValue(), output, Duration.ofNanos(System.nanoTime() - started.startNanos()), runLog);
    }

    /** The newest run log folder so far (a run in progress writes there). */
    Optional<Path> latestRunLog() throws IOException {
        Path folder = dir.resolve("data/mast/runs");
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (var folders = Files.list(folder)) {
            return folders.max(Path::compareTo);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
