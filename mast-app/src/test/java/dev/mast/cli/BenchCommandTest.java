package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The benchmarks print every key; their values are measurements, not asserted against targets. */
class BenchCommandTest {

    private static void assertKeys(String out, List<String> keys) {
        for (String key : keys) {
            assertTrue(out.lines().anyMatch(line -> line.matches(key + ": [0-9.]+")), "no " + key + " in:\n" + out);
        }
    }

    @Test
    void benchLogsPrintsIngestSearchAndMemory() {
        CliRun run = CliRun.of("bench", "logs", "--lines", "20000");
        assertEquals(0, run.exitCode(), run.err());
        assertKeys(run.out(), List.of("lines", "raw_bytes", "ingest_lines_per_s", "search_ms", "search_matches",
                "regex_search_ms", "memory_to_raw_ratio"));
        assertTrue(run.out().contains("lines: 20000\n"), run.out());
        assertEquals(2, CliRun.of("bench", "logs", "--lines", "0").exitCode());
    }

    /** This JVM lacks the options Mast ships with, so the benchmark ran again in one that has them. */
    @Test
    void benchmarksMeasureMastWithTheJvmOptionsItShipsWith() throws Exception {
        assertFalse(ProductJvm.isCurrent());
        CliRun run = CliRun.of("bench", "logs", "--lines", "1000");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("jvm_options: " + String.join(" ", ProductJvm.OPTIONS) + "\n"), run.out());

        String build = Files.readString(Path.of("../jpackage/build.sh"));
        for (String option : ProductJvm.OPTIONS) {
            assertTrue(build.contains("--java-options '" + option + "'"), "the bundle's launcher lacks " + option);
        }
    }

    /** Runs in a JVM of its own: the benchmark starts the JavaFX toolkit, which the GUI tests own here. */
    @Test
    void benchPodsPrintsListAndEventTimesFromAHeadlessScreen() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=/dev/null", "dev.mast.Main", "bench", "pods", "--pods", "300",
                "--events", "200").redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("DISPLAY");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), out);
        assertKeys(out, List.of("pods", "cold_list_ms", "fx_apply_ms", "events", "events_per_s", "list_ms"));
    }
}
