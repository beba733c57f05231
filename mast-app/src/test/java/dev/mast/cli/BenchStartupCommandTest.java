package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.ui.StartupSignal;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mast bench startup against stand-in launchers (shell scripts that behave like the bundle's
 * bin/mast); it runs in a JVM of its own so the test controls the display variables.
 */
class BenchStartupCommandTest {
    @TempDir
    Path dir;

    private Path launcher(String script) throws IOException {
        Path file = dir.resolve("mast");
        Files.writeString(file, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** Like the bundle: --help prints and exits, no arguments opens a window and keeps running. */
    private Path windowLauncher() throws IOException {
        return launcher("if [ \"$1\" = --help ]; then echo Usage: mast; exit 0; fi\n"
                + "echo \"$JAVA_TOOL_OPTIONS\" >> " + dir.resolve("options.txt") + "\n"
                + "echo some start-up chatter\necho '" + StartupSignal.MARKER + "'\nexec sleep 60\n");
    }

    private static CliRun runInOwnJvm(Map<String, String> display, String... args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        var command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "dev.mast.Main"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(display);
        Process process = builder.start();
        var err = process.getErrorStream();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        return new CliRun(process.exitValue(), out, new String(err.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void printsTheMedianTimesToTheFirstWindowAndToTheEndOfHelp() throws Exception {
        Path launcher = windowLauncher();

        CliRun run = runInOwnJvm(Map.of("DISPLAY", ":42"), "bench", "startup", "--launcher", launcher.toString(), "--runs", "3");

        assertEquals(0, run.exitCode(), run.err());
        for (String key : List.of("first_window_ms", "first_window_ms_min", "first_window_ms_max", "cli_help_ms", "cli_help_ms_min",
                "cli_help_ms_max", "load_average_1m", "cpus")) {
            assertTrue(run.out().lines().anyMatch(line -> line.matches(key + ": [0-9.]+")), "no " + key + " in:\n" + run.out());
        }
        assertTrue(run.out().contains("runs: 3\n"), run.out());
        // Each window start was asked to report itself, with class-data sharing left as built.
        assertEquals(List.of("-Dmast.startup.report=true", "-Dmast.startup.report=true", "-Dmast.startup.report=true"),
                Files.readAllLines(dir.resolve("options.txt")));
    }

    @Test
    void noCdsTurnsSharingOffInTheLaunchedJvms() throws Exception {
        Path launcher = windowLauncher();

        CliRun run = runInOwnJvm(Map.of("WAYLAND_DISPLAY", "wayland-0"), "bench", "startup", "--launcher", launcher.toString(), "--runs", "1",
                "--no-cds");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("cds: off\n"), run.out());
        assertEquals(List.of("-Xshare:off -Dmast.startup.report=true"), Files.readAllLines(dir.resolve("options.txt")));
    }

    @Test
    void withoutADisplayItSaysSoAndLaunchesNothing() throws Exception {
        Path launcher = windowLauncher();

        CliRun run = runInOwnJvm(Map.of(), "bench", "startup", "--launcher", launcher.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no display (DISPLAY and WAYLAND_DISPLAY are not set)"), run.err());
        assertTrue(run.err().contains("xvfb-run"), run.err());
        assertTrue(Files.notExists(dir.resolve("options.txt")));
    }

    @Test
    void aLauncherThatExitsBeforeItsWindowIsReportedWithItsErrorOutput() throws Exception {
        Path launcher = launcher("echo 'Error: cannot open display' >&2\nexit 3\n");

        CliRun run = runInOwnJvm(Map.of("DISPLAY", ":42"), "bench", "startup", "--launcher", launcher.toString(), "--runs", "1");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("exited with 3 before it showed a window"), run.err());
        assertTrue(run.err().contains("Error: cannot open display"), run.err());
    }

    @Test
    void aMissingLauncherIsBadInputThatNamesTheBuildCommand() {
        CliRun run = CliRun.of("bench", "startup", "--launcher", dir.resolve("nowhere/bin/mast").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no launcher at " + dir.resolve("nowhere/bin/mast")), run.err());
        assertTrue(run.err().contains("mvn -Pdist package"), run.err());
    }
}
