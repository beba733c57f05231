package dev.mast.sim.machine;

import java.time.Duration;

/**
 * How fast simulated time passes: the tick of every node's background loop (kubelet, systemd
 * restarts), how long a component takes from start to healthy, the back-off before a crashed
 * component is restarted, and how long an image pull or a package install takes.
 */
public record SimTiming(Duration tick, Duration startup, Duration restartBackoff, Duration transfer) {
    public SimTiming {
        if (tick.isZero() || tick.isNegative()) {
            throw new IllegalArgumentException("tick must be positive: " + tick);
        }
    }

    /** For the demo: slow enough to watch progress. */
    public static SimTiming demo() {
        return new SimTiming(Duration.ofMillis(200), Duration.ofMillis(1500), Duration.ofSeconds(3), Duration.ofMillis(400));
    }

    /** For tests: everything settles within a second. */
    public static SimTiming fast() {
        return new SimTiming(Duration.ofMillis(40), Duration.ofMillis(120), Duration.ofMillis(300), Duration.ZERO);
    }
}
