package dev.mast.bench;

import java.util.List;
import java.util.Locale;

/**
 * What {@code mast bench progress} measured.
 *
 * @param eventsPerSecond events applied to the Run view per second of the run
 * @param fxBusyPercent   share of wall time the FX thread spent applying batches and in layout pulses
 * @param fxApplyPercent  of which applying batches of events to the view model
 * @param fxPulsePercent  of which CSS and layout in pulses (pre- to post-layout listener)
 * @param fxCpuPercent    the FX thread's CPU time as a share of wall time, measured by the JVM (a cross-check)
 * @param emittedEvents   events the synthetic run sent; all of them must have been applied
 */
public record BenchReport(double eventsPerSecond, double fxBusyPercent, double fxApplyPercent, double fxPulsePercent,
                          double fxCpuPercent, int nodes, long logLines, double durationSeconds, long appliedEvents,
                          long emittedEvents, long batches) {

    /** {@code key: value} lines, the first ones those the benchmark is known by. */
    public List<String> lines() {
        return List.of(
                "events_per_s: " + String.format(Locale.ROOT, "%.0f", eventsPerSecond),
                "fx_busy_pct: " + String.format(Locale.ROOT, "%.1f", fxBusyPercent),
                "nodes: " + nodes,
                "log_lines: " + logLines,
                "duration_s: " + String.format(Locale.ROOT, "%.2f", durationSeconds),
                "fx_apply_pct: " + String.format(Locale.ROOT, "%.1f", fxApplyPercent),
                "fx_pulse_pct: " + String.format(Locale.ROOT, "%.1f", fxPulsePercent),
                "fx_cpu_pct: " + String.format(Locale.ROOT, "%.1f", fxCpuPercent),
                "events_applied: " + appliedEvents,
                "events_emitted: " + emittedEvents,
                "fx_batches: " + batches);
    }
}
