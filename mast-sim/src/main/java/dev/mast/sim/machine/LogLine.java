package dev.mast.sim.machine;

import java.time.Instant;

/** One line a process wrote, with the stream it went to (components log to stderr, as klog does). */
public record LogLine(Instant time, boolean stderr, String text) { }
