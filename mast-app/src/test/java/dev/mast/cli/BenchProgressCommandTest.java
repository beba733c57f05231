package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchProgressCommandTest {

    @Test
    void benchProgressPrintsKeyValueLines() {
        CliRun run = CliRun.of("bench", "progress", "--nodes", "5", "--seconds", "1");

        assertEquals(MastCommand.OK, run.exitCode(), run.err());
        for (String key : new String[] {"events_per_s", "fx_busy_pct", "nodes", "log_lines", "duration_s"}) {
            assertTrue(Pattern.compile("(?m)^" + key + ": [0-9.]+$").matcher(run.out()).find(), key + " in\n" + run.out());
        }
        assertTrue(run.out().contains("nodes: 5"));
    }

    @Test
    void aRunWithoutNodesIsBadInput() {
        CliRun run = CliRun.of("bench", "progress", "--nodes", "0");

        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("--nodes and --seconds must be at least 1"), run.err());
    }
}
