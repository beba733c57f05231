package dev.mast.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code mast bench workflow} aims for, judged on its figures: a thousand nodes installed from a laptop without
 * gigabytes of heap, little CPU per node, no phase costing CPU on nodes it does not act on, and the wall time of N
 * nodes close to that of one. The scale ratio is only Mast's to answer for when the machine had CPU to spare: when it
 * was busy, and mostly with the simulated nodes (or other programs), their CPU bounds the wall time and the ratio says
 * nothing of Mast.
 *
 * @param clientCpu          Mast's CPU in the N-node run
 * @param simulatorCpu       the simulated nodes' CPU in the N-node run
 * @param otherCpu           other programs' CPU during the N-node run
 * @param stepCpuPerNode     each phase's CPU per node it ran on in the N-node run, from {@link PhaseClock#stepCpu()}
 * @param stepCpuOneNode     the same in the 1-node run
 */
public record WorkflowGoals(int nodes, int cpus, Duration wallOneNode, Duration wall, Duration clientCpu, Duration simulatorCpu,
                            Duration otherCpu, long peakHeapMb, Map<String, Duration> stepCpuPerNode,
                            Map<String, Duration> stepCpuOneNode) {
    public static final long PEAK_HEAP_MB = 512;
    public static final double CLIENT_CPU_MS_PER_NODE = 10;
    public static final double SCALE_RATIO = 1.3;
    /**
     * How much more CPU per node a phase may cost on N nodes than on one, as noise (compilation, collections, a busy
     * machine): a phase that worked on every node while it acts on three would cost hundreds of times more.
     */
    static final double PHASE_GROWTH = 2;
    static final Duration PHASE_SLACK = Duration.ofMillis(1);
    /** A machine busier than this during the run had no CPU to spare: whoever used most of it set the pace. */
    static final double BUSY = 0.9;

    public WorkflowGoals {
        stepCpuPerNode = Map.copyOf(stepCpuPerNode);
        stepCpuOneNode = Map.copyOf(stepCpuOneNode);
    }

    public double scaleRatio() {
        return (double) wall.toMillis() / wallOneNode.toMillis();
    }

    public double clientCpuMsPerNode() {
        return clientCpu.toMillis() / (double) nodes;
    }

    /** The share of the machine's CPU (all its cores over the run's wall time) that Mast, the simulator and others used. */
    public double machineBusy() {
        return (double) clientCpu.plus(simulatorCpu).plus(otherCpu).toMillis() / (wall.toMillis() * (double) cpus);
    }

    /**
     * What bounded the N-node run's wall time: {@code waits} when the machine had CPU to spare (the run waited on the
     * nodes' work, as it would on real machines), else whichever of {@code simulator}, {@code mast} or
     * {@code other programs} used the most CPU.
     */
    public String wallBoundBy() {
        if (machineBusy() < BUSY) {
            return "waits";
        }
        if (simulatorCpu.compareTo(clientCpu) >= 0 && simulatorCpu.compareTo(otherCpu) >= 0) {
            return "simulator";
        }
        return clientCpu.compareTo(otherCpu) >= 0 ? "mast" : "other programs";
    }

    /** {@code key: value} lines: how busy the machine was, what bounded the wall time, then each goal met or not. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "machine_busy_pct: %.0f", machineBusy() * 100));
        lines.add("wall_bound_by: " + wallBoundBy());
        lines.add(goal("peak_heap", peakHeapMb < PEAK_HEAP_MB, peakHeapMb + " MB, aim < " + PEAK_HEAP_MB + " MB"));
        lines.add(goal("client_cpu_per_node", clientCpuMsPerNode() <= CLIENT_CPU_MS_PER_NODE,
                String.format(Locale.ROOT, "%.1f ms, aim <= %.0f ms", clientCpuMsPerNode(), CLIENT_CPU_MS_PER_NODE)));
        lines.add(phaseGoal());
        String ratio = String.format(Locale.ROOT, "%.2f, aim <= %.1f", scaleRatio(), SCALE_RATIO);
        String bound = wallBoundBy();
        lines.add(bound.equals("waits") || bound.equals("mast")
                ? goal("scale_ratio", scaleRatio() <= SCALE_RATIO, ratio)
                : String.format(Locale.ROOT, "goal_scale_ratio: not judged (%s; the %s used the machine's CPU, %.0f%% busy)",
                        ratio, bound, machineBusy() * 100));
        return lines;
    }

    /**
     * No phase costs more CPU per node it acts on with N nodes than with one: what a phase spends grows with the nodes it
     * acts on, not with the cluster (etcd/start on 3 of 1,000 nodes costs what it costs on 3).
     */
    private String phaseGoal() {
        String worst = null;
        double worstGrowth = 0;
        for (Map.Entry<String, Duration> phase : stepCpuPerNode.entrySet()) {
            Duration one = stepCpuOneNode.get(phase.getKey());
            if (one != null) {
                double growth = (double) phase.getValue().toNanos() / Math.max(1, one.plus(PHASE_SLACK).toNanos());
                if (worst == null || growth > worstGrowth) {
                    worst = phase.getKey();
                    worstGrowth = growth;
                }
            }
        }
        if (worst == null) {
            return "goal_phase_cpu_per_node: met (no phase ran on both runs)";
        }
        return goal("phase_cpu_per_node", worstGrowth <= PHASE_GROWTH, String.format(Locale.ROOT,
                "per node it acts on, at most %.1f times the 1-node run's + %d ms: %s %.2f ms against %.2f ms", PHASE_GROWTH,
                PHASE_SLACK.toMillis(), worst, stepCpuPerNode.get(worst).toNanos() / 1e6, stepCpuOneNode.get(worst).toNanos() / 1e6));
    }

    private static String goal(String name, boolean met, String figures) {
        return "goal_" + name + ": " + (met ? "met" : "not met") + " (" + figures + ")";
    }
}
