package dev.mast.workflow;

import java.time.Duration;

/**
 * How long a workflow waits for things to become healthy, and how often it looks.
 *
 * @param health  a component's health endpoint, or its mirror pod, after it was started
 * @param poll    the pause between two looks
 */
public record Timeouts(Duration health, Duration poll) {
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofMinutes(4), Duration.ofSeconds(2));
}
