package dev.mast.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The JVM options Mast ships with: the bundle's launcher sets them (jpackage/build.sh lists the
 * same), and a benchmark run in a JVM without them runs again in one with them, so it measures Mast
 * as users run it, whichever way it was started.
 *
 * <p>Why C1 only: Mast mostly waits on SSH and the API. Measured on 2 cores, C2 spent ~1 core for
 * most of a 200-node install (10 of 22 CPU seconds) and competed with the first window's start-up
 * (~1.4 s instead of ~2 s), for code whose speed no user notices. What C1 runs slower is bounded:
 * the log viewer's plain search stays within its target, a regular-expression search over a million
 * lines takes ~1 s instead of ~0.5 s.
 */
final class ProductJvm {
    /** C1 only (why: above), and a stack trace for every error, also one that repeats (the crash dialog and app log show it). */
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:-OmitStackTraceInFastThrow");

    private ProductJvm() {
    }

    /** Whether this JVM runs with every option Mast ships with. */
    static boolean isCurrent() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().containsAll(OPTIONS);
    }

    /** This JVM's -XX options, for a benchmark to print with its figures. */
    static String tuning() {
        return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-XX:")).toList());
    }

    /**
     * Runs the same command line again in a JVM with {@link #OPTIONS} and this classpath, its output
     * going to the command's own writers.
     *
     * @return the other JVM's exit code
     */
    static int rerun(CommandSpec spec) throws IOException, InterruptedException {
        return rerun(spec, List.of());
    }

    /** {@link #rerun(CommandSpec)} with more options, such as the heap limit a benchmark holds Mast to. */
    static int rerun(CommandSpec spec, List<String> moreOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(OPTIONS);
        command.addAll(moreOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.mast.Main"));
        command.addAll(spec.root().commandLine().getParseResult().originalArgs());
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        Thread errors = new Thread(() -> copy(process.getErrorStream(), spec.commandLine().getErr()), "mast-bench-rerun-stderr");
        errors.start();
        copy(process.getInputStream(), spec.commandLine().getOut());
        int exit = process.waitFor();
        errors.join();
        return exit;
    }

    private static void copy(InputStream from, PrintWriter to) {
        try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
            char[] buffer = new char[8192];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            to.println("mast: lost the benchmark's output: " + e.getMessage());
        }
    }
}
