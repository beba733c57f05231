package dev.mast.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints how long the parts of an end-to-end test took, one line per test, for the CI log. */
final class Timings {
    private Timings() {
    }

    static void print(String test, Map<String, Duration> parts) {
        System.out.println("[e2e timings] " + test + ": " + new TreeMap<>(parts).entrySet().stream()
                .map(e -> e.getKey() + " " + String.format("%.1f s", e.getValue().toMillis() / 1000.0))
                .collect(Collectors.joining(", ")));
    }
}
