package dev.mast.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of a fuzz run, and the first failing cases with what went wrong. */
final class FuzzTally {
    private static final int FAILURES_KEPT = 20;

    private int plans;
    private int kismaticFiles;
    private int uncaught;
    private int unlocated;
    private int badExit;
    private int controlCharacters;
    private long slowestNanos;
    private String slowestCase = "";
    private long maxCpuNanos;
    private long maxAllocatedBytes;
    private final List<String> failures = new ArrayList<>();

    void add(FuzzRunner.Result result) {
        if (result.input().kismatic()) {
            kismaticFiles++;
        } else {
            plans++;
        }
        if (result.uncaught() != null) {
            uncaught++;
            fail(result, "uncaught " + result.uncaught());
        } else if (!result.answeredAsBadInputOrValid()) {
            badExit++;
            fail(result, "exit code " + result.exitCode());
        }
        if (!result.unlocated().isEmpty()) {
            unlocated++;
            fail(result, "no location: " + result.unlocated().get(0));
        }
        if (result.controlCharacters()) {
            controlCharacters++;
            fail(result, "printed a control character");
        }
        if (result.wallNanos() > slowestNanos) {
            slowestNanos = result.wallNanos();
            slowestCase = result.input().describe();
        }
        maxCpuNanos = Math.max(maxCpuNanos, result.cpuNanos());
        maxAllocatedBytes = Math.max(maxAllocatedBytes, result.allocatedBytes());
    }

    private void fail(FuzzRunner.Result result, String what) {
        if (failures.size() < FAILURES_KEPT) {
            String text = result.input().describe() + ": " + what;
            failures.add(text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /** Cases that were not answered with exit 0 or 2, a location on every problem and nothing but printable text. */
    int failed() {
        return uncaught + badExit + unlocated + controlCharacters;
    }

    int cases() {
        return plans + kismaticFiles;
    }

    List<String> failures() {
        return failures;
    }

    long maxCpuNanos() {
        return maxCpuNanos;
    }

    long maxAllocatedBytes() {
        return maxAllocatedBytes;
    }

    /** The figures, with the most heap the run used and kept alive, which only the whole run can tell. */
    List<String> lines(long peakHeapBytes, long peakLiveBytes) {
        return List.of(
                "cases: " + cases(),
                "plan_cases: " + plans,
                "kismatic_cases: " + kismaticFiles,
                "uncaught: " + uncaught,
                "unlocated: " + unlocated,
                "bad_exit: " + badExit,
                "control_characters: " + controlCharacters,
                "slowest_ms: " + millis(slowestNanos),
                "slowest_case: " + slowestCase,
                "max_cpu_ms: " + millis(maxCpuNanos),
                "max_alloc_mb: " + megabytes(maxAllocatedBytes),
                "peak_heap_mb: " + megabytes(peakHeapBytes),
                "peak_live_mb: " + megabytes(peakLiveBytes));
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
