package dev.mast.sim.machine;

import java.time.Duration;
import java.time.Instant;

/** A node's wall clock: the host's, shifted by an offset so a test can give a node clock skew. */
public final class SimClock {
    private volatile Duration offset;

    public SimClock(Duration offset) {
        this.offset = offset;
    }

    public Instant now() {
        return Instant.now().plus(offset);
    }

    public Duration offset() {
        return offset;
    }

    public void setOffset(Duration value) {
        offset = value;
    }
}
