package dev.mast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBenchTest {

    @Test
    void everyEmittedEventReachesTheRunViewAndIsCounted() throws Exception {
        BenchReport report = ProgressBench.run(20, Duration.ofSeconds(1));

        assertEquals(20, report.nodes());
        assertEquals(report.emittedEvents(), report.appliedEvents());
        // RunStarted, two steps per phase and node, the log lines, RunFinished.
        assertEquals(2 + 20 * 2 * SyntheticRun.PHASES.size() + report.logLines(), report.appliedEvents());
        assertTrue(report.logLines() > 0);
        assertTrue(report.batches() < report.appliedEvents(), "events arrive in batches");
    }

    @Test
    void printsTheKeysTheBenchmarkIsKnownByFirst() {
        var report = new BenchReport(1234.4, 12.34, 10, 2.34, 11, 200, 5000, 5.004, 5420, 5420, 51);

        assertEquals(List.of("events_per_s: 1234", "fx_busy_pct: 12.3", "nodes: 200", "log_lines: 5000", "duration_s: 5.00"),
                report.lines().subList(0, 5));
    }

    @Test
    void refusesARunWithoutNodes() {
        assertThrows(IllegalArgumentException.class, () -> ProgressBench.run(0, Duration.ofSeconds(1)));
    }

    @Test
    void theSyntheticPlanHasThreeMastersAndWorkers() {
        var plan = ProgressBench.plan(200);

        assertEquals(3, plan.masters().size());
        assertEquals(200, plan.nodes().stream().map(n -> n.ip()).distinct().count());
    }
}
