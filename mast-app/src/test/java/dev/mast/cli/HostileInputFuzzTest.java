package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spoilt plans and Kismatic files of twenty kinds ({@link FuzzMutation}), each run through the
 * command line as {@code mast validate} and {@code mast import-kismatic} run, with a fixed seed.
 * Every one must be answered: exit 2 (or 0 where the damage left a valid file), every problem
 * located, nothing but printable text, no exception escaping a command, and a bounded cost. The
 * cost is the calling thread's CPU time and allocation, which a busy machine does not inflate;
 * the bounds are far above what the limits the reader enforces allow (about 0.5 s and 170 MB at
 * most), and {@code mast bench fuzz} runs the same cases in a 256 MB heap.
 */
class HostileInputFuzzTest {
    private static final long SEED = 19;
    private static final int PLANS = 2_000;
    private static final int KISMATIC_FILES = 500;
    private static final long CPU_BOUND_NANOS = 2_000_000_000L;
    private static final long ALLOCATION_BOUND_BYTES = 512L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void everySpoiltFileIsAnsweredLocatedAndWithinBounds() throws IOException {
        FuzzTally tally = BenchFuzzCommand.run(dir, SEED, PLANS, KISMATIC_FILES);

        assertEquals(0, tally.failed(), () -> String.join("\n", tally.failures()));
        assertEquals(PLANS + KISMATIC_FILES, tally.cases());
        assertTrue(tally.maxCpuNanos() < CPU_BOUND_NANOS, () -> tally.lines(0, 0).toString());
        assertTrue(tally.maxAllocatedBytes() < ALLOCATION_BOUND_BYTES, () -> tally.lines(0, 0).toString());
    }

    @Test
    void everyKindOfMutationSpoilsTheFileNearlyAlways() {
        String text = "cluster:\n  name: prod\n  apiServerPort: 6443\nnodes:\n  - hostName: node001\n    roles: [etcd]\n";
        for (FuzzMutation kind : FuzzMutation.values()) {
            long changed = LongStream.range(0, 20)
                    .filter(seed -> !Arrays.equals(text.getBytes(StandardCharsets.UTF_8), kind.apply(text, new Random(seed))))
                    .count();
            assertTrue(changed >= 18, kind + " changed the file for " + changed + " of 20 seeds");
        }
    }

    @Test
    void theBenchRunsTheCasesInA256MegabyteHeapAndPrintsItsFigures() {
        CliRun run = CliRun.of("bench", "fuzz", "--cases", "40", "--kismatic-cases", "10", "--seed", "3");
        assertEquals(MastCommand.OK, run.exitCode(), run.out() + run.err());
        for (String line : List.of("cases: 50", "uncaught: 0", "unlocated: 0", "bad_exit: 0", "control_characters: 0")) {
            assertTrue(run.out().lines().anyMatch(line::equals), line + " in\n" + run.out());
        }
        for (String key : List.of("slowest_ms: ", "max_cpu_ms: ", "max_alloc_mb: ", "peak_heap_mb: ", "peak_live_mb: ")) {
            assertTrue(run.out().lines().anyMatch(l -> l.matches(key + "\\d+\\.\\d")), key + " in\n" + run.out());
        }
        // The product's own JVM options, then the heap the bench holds every case to.
        assertTrue(run.out().contains("jvm_options: " + String.join(" ", ProductJvm.OPTIONS) + " -Xmx256m"), run.out());
    }
}
