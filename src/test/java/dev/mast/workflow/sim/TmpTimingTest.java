package dev.mast.workflow.sim;

import dev.mast.plan.ContainerRuntime;
import dev.mast.sim.Provisioning;
import dev.mast.workflow.ProgressEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TmpTimingTest {
    @TempDir
    Path dir;

    @Test
    void timing() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 1, 1, Provisioning.FRESH_WITH_RUNTIME, ContainerRuntime.CONTAINERD)) {
            sim.install();
            for (ProgressEvent e : sim.events) {
                if (e instanceof ProgressEvent.LogLine l && (l.phase().startsWith("addons") || l.phase().startsWith("verify"))) {
                    System.out.println("TT " + l.time() + " " + l.phase() + " " + l.text());
                } else if (e instanceof ProgressEvent.StepChanged s) {
                    System.out.println("TT " + s.time() + " " + s.phase() + " " + s.state());
                }
            }
        }
    }
}
