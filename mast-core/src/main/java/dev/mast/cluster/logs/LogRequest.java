package dev.mast.cluster.logs;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to read, with {@code kubectl logs}' options.
 *
 * @param container  the container; empty for the pod's default container
 * @param follow     keep streaming new lines ({@code -f})
 * @param tailLines  only the last lines ({@code --tail}); empty for all
 * @param since      only lines newer than this ({@code --since}); empty for all
 * @param timestamps prefix each line with its time ({@code --timestamps})
 * @param previous   the previous, terminated instance of the container ({@code --previous})
 */
public record LogRequest(String namespace, String pod, String container, boolean follow, OptionalInt tailLines,
                         Optional<Duration> since, boolean timestamps, boolean previous) {

    public LogRequest {
        container = container == null ? "" : container;
        tailLines.ifPresent(n -> {
            if (n < 0) {
                throw new IllegalArgumentException("tail lines must not be negative, not " + n);
            }
        });
        since.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("since must be a positive duration, not " + d);
            }
        });
    }

    /** All lines of the default container, no follow. */
    public static LogRequest of(String namespace, String pod) {
        return new LogRequest(namespace, pod, "", false, OptionalInt.empty(), Optional.empty(), false, false);
    }

    public LogRequest withContainer(String value) {
        return new LogRequest(namespace, pod, value, follow, tailLines, since, timestamps, previous);
    }

    public LogRequest withFollow(boolean value) {
        return new LogRequest(namespace, pod, container, value, tailLines, since, timestamps, previous);
    }

    public LogRequest withTail(OptionalInt value) {
        return new LogRequest(namespace, pod, container, follow, value, since, timestamps, previous);
    }

    public LogRequest withSince(Optional<Duration> value) {
        return new LogRequest(namespace, pod, container, follow, tailLines, value, timestamps, previous);
    }

    public LogRequest withTimestamps(boolean value) {
        return new LogRequest(namespace, pod, container, follow, tailLines, since, value, previous);
    }

    public LogRequest withPrevious(boolean value) {
        return new LogRequest(namespace, pod, container, follow, tailLines, since, timestamps, value);
    }

    /** Seconds for {@code --since}, rounded up so a sub-second duration still means "recent". */
    public Optional<Long> sinceSeconds() {
        return since.map(d -> Math.max(1, d.getSeconds() + (d.getNano() > 0 ? 1 : 0)));
    }
}
