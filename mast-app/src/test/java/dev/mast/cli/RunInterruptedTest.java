package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.sim.Provisioning;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mast install} on simulated nodes, stopped from outside: a SIGTERM (what Ctrl-C does too) cancels the
 * run, which says what it cancelled once the running steps are done; a SIGKILL stops it at once. Either way
 * the run folder holds every line written up to then, none cut in half, readable by the user only.
 */
class RunInterruptedTest {
    @TempDir
    Path dir;
    private SimulatedPlan sim;

    @BeforeEach
    void startNodes() throws Exception {
        sim = SimulatedPlan.start(dir, 2, Provisioning.FRESH);
    }

    @AfterEach
    void stopNodes() {
        sim.close();
    }

    /** A {@code mast install} in a JVM of its own, its console read line by line. */
    private final class Install {
        final Process process;
        final BufferedReader out;
        final List<String> lines = new ArrayList<>();

        Install() throws Exception {
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.mast.Main", "install",
                    "--plan", sim.plan().toString(), "--known-hosts", sim.knownHosts().toString(), "--yes");
            builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
            builder.redirectError(dir.resolve("stderr.txt").toFile());
            process = builder.start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Reads the console until a line matches. */
        String readUntil(Predicate<String> wanted) throws Exception {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (wanted.test(line)) {
                    return line;
                }
            }
            throw new AssertionError("the install ended without the line expected:\n" + String.join("\n", lines));
        }

        String rest() throws Exception {
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the install did not end");
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
            return String.join("\n", lines);
        }

        /** Signals the process as a shell's kill does; unlike Process.destroy, it leaves its output to be read to the end. */
        void kill(String signal) throws Exception {
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor());
        }

        Path runFolder() {
            return Path.of(lines.stream().filter(l -> l.startsWith("run log: ")).findFirst().orElseThrow().substring(9));
        }
    }

    private static boolean running(String line, String phase) {
        return line.matches("node00\\d\\s+\\d+/\\d+\\s+" + phase + "\\s+RUNNING.*");
    }

    private static List<Path> logs(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static void assertWholeLinesForTheUserOnly(Path folder) throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        List<Path> files = logs(folder);
        assertTrue(files.size() >= 3, files.toString());
        for (Path file : files) {
            String text = Files.readString(file);
            assertFalse(text.isEmpty(), file + " is empty");
            assertTrue(text.endsWith("\n"), file + " ends in the middle of a line: " + text.substring(Math.max(0, text.length() - 200)));
            assertTrue(text.lines().allMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")), file + " has a broken line");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
    }

    @Test
    void aSigtermCancelsTheRunSaysWhatWasCancelledAndLeavesItsLogsWhole() throws Exception {
        Install install = new Install();
        install.readUntil(line -> running(line, "kubelet/start"));

        install.kill("TERM");

        String console = install.rest();
        String errors = Files.readString(dir.resolve("stderr.txt"));
        assertTrue(errors.contains("mast install: cancelling: no new steps start; waiting for the running ones to finish..."), errors);
        assertTrue(console.contains("install was cancelled: "), console);
        assertTrue(console.lines().anyMatch(line -> line.matches("node00\\d\\s+.*CANCELLED\\s+.*")), console);
        assertFalse(console.lines().anyMatch(line -> line.matches("node00\\d\\s+.*FAILED\\s+.*")), console);
        Path folder = install.runFolder();
        assertWholeLinesForTheUserOnly(folder);
        assertTrue(Files.readString(folder.resolve("run.log")).contains("install was cancelled: "));
    }

    @Test
    void aSigkillLeavesEveryLineWrittenUpToThenAndNoneCutInHalf() throws Exception {
        Install install = new Install();
        String done = install.readUntil(line -> line.matches("node00\\d\\s+\\d+/\\d+\\s+kubelet/start\\s+DONE.*"));

        install.kill("KILL");
        install.rest();

        Path folder = install.runFolder();
        assertWholeLinesForTheUserOnly(folder);
        // The console shows an event after the run folder got it: what the console showed is in the files.
        String node = done.substring(0, 7);
        assertTrue(Files.readString(folder.resolve(node + ".log")).contains("[kubelet/start] DONE: done"), node);
        assertTrue(Files.readString(folder.resolve("run.log")).contains("started install on 2 nodes"));
    }
}
