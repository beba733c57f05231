package dev.mast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowGoalsTest {
    private static final Map<String, Duration> PHASES = Map.of("etcd/start", Duration.ofMillis(4), "images/pull", Duration.ofMillis(2));
    private static final Map<String, Duration> ONE_NODE = Map.of("etcd/start", Duration.ofMillis(3), "images/pull", Duration.ofMillis(2));

    private static WorkflowGoals goals(int wallS, int clientCpuS, int simulatorCpuS, int otherCpuS, long heapMb) {
        return new WorkflowGoals(1000, 2, Duration.ofSeconds(30), Duration.ofSeconds(wallS), Duration.ofSeconds(clientCpuS),
                Duration.ofSeconds(simulatorCpuS), Duration.ofSeconds(otherCpuS), heapMb, PHASES, ONE_NODE);
    }

    @Test
    void aRunWithCpuToSpareIsJudgedOnEveryGoal() {
        List<String> lines = goals(36, 9, 30, 5, 400).lines();
        assertEquals(List.of(
                "machine_busy_pct: 61",
                "wall_bound_by: waits",
                "goal_peak_heap: met (400 MB, aim < 512 MB)",
                "goal_client_cpu_per_node: met (9.0 ms, aim <= 10 ms)",
                "goal_phase_cpu_per_node: met (per node it acts on, at most 2.0 times the 1-node run's + 1 ms: etcd/start 4.00 ms"
                        + " against 3.00 ms)",
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

    /** etcd/start acts on 3 of 1,000 nodes: had it worked on all of them, its CPU per node it acts on would have soared. */
    @Test
    void aPhaseThatCostsMorePerNodeThanOnOneNodeIsNamed() {
        var goals = new WorkflowGoals(1000, 2, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(9), Duration.ZERO,
                Duration.ZERO, 100, Map.of("etcd/start", Duration.ofMillis(2280), "images/pull", Duration.ofMillis(2)),
                ONE_NODE);
        assertEquals("goal_phase_cpu_per_node: not met (per node it acts on, at most 2.0 times the 1-node run's + 1 ms:"
                + " etcd/start 2280.00 ms against 3.00 ms)", goals.lines().get(4));
    }

    /** addons/apply costs the same on the first master whatever the cluster's size: many milliseconds, but no growth. */
    @Test
    void aPhaseOnOneNodeThatCostsWhatItCostsAloneMeetsTheGoal() {
        Map<String, Duration> addons = Map.of("addons/apply", Duration.ofMillis(105));
        var goals = new WorkflowGoals(1000, 2, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(9), Duration.ZERO,
                Duration.ZERO, 100, addons, Map.of("addons/apply", Duration.ofMillis(98)));
        assertTrue(goals.lines().get(4).startsWith("goal_phase_cpu_per_node: met"), goals.lines().get(4));
    }
}
