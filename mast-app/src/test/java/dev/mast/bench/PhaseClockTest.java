package dev.mast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PhaseClockTest {
    private final AtomicLong threadCpu = new AtomicLong();
    private final AtomicLong simulatorCpu = new AtomicLong();
    private final PhaseClock clock = new PhaseClock(List.of(() -> Duration.ofMillis(simulatorCpu.get())), threadCpu::get);

    private void step(int second, String node, String phase, StepState state) {
        clock.onEvent(new ProgressEvent.StepChanged(Instant.ofEpochSecond(second), node, phase, phase, state, ""));
    }

    /**
     * etcd/start runs on one node while the others still copy their certificates: it is charged only what its own step
     * used, not the CPU the other nodes' steps used meanwhile.
     */
    @Test
    void aPhaseIsChargedTheCpuOfItsOwnStepsOnlyAndCountsTheNodesItRanOn() {
        step(0, "node1", "certs/distribute", StepState.RUNNING);
        step(0, "node2", "certs/distribute", StepState.RUNNING);
        threadCpu.set(5_000_000);
        step(1, "node1", "certs/distribute", StepState.DONE);
        step(1, "node1", "etcd/start", StepState.RUNNING);
        threadCpu.set(6_000_000);
        step(2, "node1", "etcd/start", StepState.DONE);
        threadCpu.set(20_000_000);
        step(3, "node2", "certs/distribute", StepState.DONE);

        assertEquals(Map.of("certs/distribute", Duration.ofNanos(5_000_000 + 20_000_000), "etcd/start", Duration.ofMillis(1)),
                clock.stepCpu());
        assertEquals(Map.of("certs/distribute", 2, "etcd/start", 1), clock.nodes());
        assertEquals(List.of("certs/distribute", "etcd/start"), List.copyOf(clock.walls().keySet()));
        assertEquals(Duration.ofSeconds(3), clock.walls().get("certs/distribute"));
    }

    /** A step skipped because another node failed never started: it costs nothing and counts no node. */
    @Test
    void aStepThatNeverStartedCountsNoNode() {
        step(0, "node1", "kubeconfig/save", StepState.SKIPPED);
        assertEquals(Map.of("kubeconfig/save", 0), clock.nodes());
        assertEquals(Map.of("kubeconfig/save", Duration.ZERO), clock.stepCpu());
    }

    @Test
    void countersAreReadAtEachPhaseStartAndCloseWithTheLastReading() {
        step(0, "node1", "preflight/node", StepState.RUNNING);
        simulatorCpu.set(300);
        step(1, "node1", "preflight/node", StepState.DONE);
        step(1, "node1", "certs/distribute", StepState.RUNNING);
        simulatorCpu.set(1000);
        assertEquals(Map.of("preflight/node", Duration.ofMillis(300), "certs/distribute", Duration.ofMillis(700)),
                clock.cpu(0, clock.now()));
    }
}
