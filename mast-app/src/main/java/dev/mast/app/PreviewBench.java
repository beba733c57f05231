package dev.mast.app;

import dev.mast.node.CredentialPrompt;
import dev.mast.plan.Plan;
import dev.mast.render.RenderedCluster;
import dev.mast.ui.RunKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Preview page's work, timed as the app does it: a simulated cluster started as "Try a simulated cluster" starts it
 * (the demo's timing), then its files rendered and its steps worked out, first for an install of fresh nodes, then for
 * the upgrade of nodes that run their control plane as systemd services. Every command on a node takes
 * {@code commandDelay} more, as a network's round trip does.
 */
public final class PreviewBench {
    private PreviewBench() {
    }

    /** Figures as key: value pairs, in the order printed. */
    public static Map<String, String> run(Path dir, int installNodes, int upgradeNodes, Duration commandDelay) throws Exception {
        AppFolders folders = new AppFolders(dir.resolve("clusters"));
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("command_delay_ms", Long.toString(commandDelay.toMillis()));
        InProcessSimulator simulator = new InProcessSimulator(folders);
        CorePlanRenderer renderer = new CorePlanRenderer(folders, CredentialPrompt.refusing());
        try {
            // A first install preview warms this JVM up (class loading, JIT), so the figures are not its cold start.
            preview(renderer, simulator.start(1, false), RunKind.INSTALL);
            Timed install = preview("install", installNodes, renderer, start(simulator, installNodes, false, commandDelay),
                    RunKind.INSTALL);
            Timed upgrade = preview("upgrade", upgradeNodes, renderer, start(simulator, upgradeNodes, true, commandDelay),
                    RunKind.UPGRADE);
            figures.putAll(install.figures());
            figures.putAll(upgrade.figures());
            figures.put("goal_upgrade_preview_per_node", goal(upgrade.secondsPerNode() <= install.secondsPerNode(),
                    String.format(Locale.ROOT, "upgrade %.2f s per node, install %.2f s per node", upgrade.secondsPerNode(),
                            install.secondsPerNode())));
        } finally {
            simulator.stopRunning();
        }
        return figures;
    }

    private static Plan start(InProcessSimulator simulator, int nodes, boolean legacy, Duration commandDelay) throws Exception {
        Plan plan = simulator.start(nodes, legacy);
        simulator.running().nodes().forEach(node -> node.faults().fixedDelay(commandDelay));
        return plan;
    }

    /** One preview's figures, and its time per node for the goal. */
    private record Timed(Map<String, String> figures, double secondsPerNode) {
    }

    /** The upgrade's preview takes no longer per node than the install's, though it reads every node over SSH. */
    private static String goal(boolean met, String figures) {
        return (met ? "met" : "not met") + " (" + figures + ")";
    }

    private static Timed preview(String name, int count, CorePlanRenderer renderer, Plan plan, RunKind kind)
            throws Exception {
        long start = System.nanoTime();
        RenderedCluster files = renderer.render(plan, kind);
        long rendered = System.nanoTime();
        Map<String, List<String>> steps = renderer.steps(plan, kind, files);
        long end = System.nanoTime();
        int fileCount = plan.nodes().stream().mapToInt(node -> files.filesFor(node.hostName()).size()).sum();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put(name + "_nodes", Integer.toString(count));
        figures.put(name + "_files", Integer.toString(fileCount));
        figures.put(name + "_step_lines", Integer.toString(steps.values().stream().mapToInt(List::size).sum()));
        figures.put(name + "_render_s", seconds(rendered - start));
        figures.put(name + "_steps_s", seconds(end - rendered));
        figures.put(name + "_preview_s", seconds(end - start));
        double perNode = (end - start) / 1e9 / count;
        figures.put(name + "_preview_s_per_node", String.format(Locale.ROOT, "%.2f", perNode));
        return new Timed(figures, perNode);
    }

    private static void preview(CorePlanRenderer renderer, Plan plan, RunKind kind) throws Exception {
        renderer.steps(plan, kind, renderer.render(plan, kind));
    }

    private static String seconds(long nanos) {
        return String.format("%.2f", nanos / 1e9);
    }
}
