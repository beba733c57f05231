package dev.mast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowGoalsTest {
    private static final Map<String, Duration> PHASES = Map.of("etcd/start", Duration.ofMillis(4), "images/pull", Duration.ofMillis(2));

    private static WorkflowGoals goals(int wallS, int clientCpuS, int simulatorCpuS, int otherCpuS, long heapMb) {
        return new WorkflowGoals(1000, 2, Duration.ofSeconds(30), Duration.ofSeconds(wallS), Duration.ofSeconds(clientCpuS),
                Duration.ofSeconds(simulatorCpuS), Duration.ofSeconds(otherCpuS), heapMb, PHASES);
    }

    @Test
    void aRunWithCpuToSpareIsJudgedOnEveryGoal() {
        List<String> lines = goals(36, 9, 30, 5, 400).lines();
        assertEquals(List.of(
                "machine_busy_pct: 61",
                "wall_bound_by: waits",
                "goal_peak_heap: met (400 MB, aim < 512 MB)",
                "goal_client_cpu_per_node: met (9.0 ms, aim <= 10 ms)",
                "goal_phase_cpu_per_node: met (costliest etcd/start 4.0 ms per node it acts on, aim <= 10 ms)",
                "goal_scale_ratio: met (1.20, aim <= 1.3)"), lines);
    }

    @Test
    void goalsMissedSayNotMet() {
        List<String> lines = goals(60, 33, 20, 0, 1603).lines();
        assertEquals("wall_bound_by: waits", lines.get(1));
        assertEquals("goal_peak_heap: not met (1603 MB, aim < 512 MB)", lines.get(2));
        assertEquals("goal_client_cpu_per_node: not met (33.0 ms, aim <= 10 ms)", lines.get(3));
        assertEquals("goal_scale_ratio: not met (2.00, aim <= 1.3)", lines.get(5));
    }

    /** The simulated nodes took most of a busy machine: the wall time is theirs, not Mast's. */
    @Test
    void theScaleRatioIsNotJudgedWhenTheSimulatorBoundsTheWallTime() {
        WorkflowGoals goals = goals(60, 20, 90, 5, 400);
        assertEquals("simulator", goals.wallBoundBy());
        assertEquals("goal_scale_ratio: not judged (2.00, aim <= 1.3; the simulator used the machine's CPU, 96% busy)",
                goals.lines().get(5));
    }

    @Test
    void aBusyMachineIsPutDownToWhoeverUsedMostOfIt() {
        assertEquals("other programs", goals(60, 20, 30, 70, 400).wallBoundBy());
        assertEquals("mast", goals(60, 70, 30, 20, 400).wallBoundBy());
        assertTrue(goals(60, 70, 30, 20, 400).lines().get(5).startsWith("goal_scale_ratio: not met"));
    }

    @Test
    void aPhaseOverTheBudgetPerNodeIsNamed() {
        var goals = new WorkflowGoals(3, 2, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMillis(30), Duration.ZERO,
                Duration.ZERO, 100, Map.of("etcd/start", Duration.ofMillis(2280)));
        assertEquals("goal_phase_cpu_per_node: not met (costliest etcd/start 2280.0 ms per node it acts on, aim <= 10 ms)",
                goals.lines().get(4));
    }
}
