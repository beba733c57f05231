package dev.mast.node;

import java.time.Duration;

final class Durations {
    private Durations() {
    }

    /** {@code 90s}, {@code 1500ms}: short enough for one-sentence messages. */
    static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
