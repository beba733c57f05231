package dev.mast.cli;

import dev.mast.app.PreviewBench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mast bench preview}: how long the Preview page takes to show an install's and an upgrade's files and steps. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Starts simulated clusters as the app's \"Try a simulated cluster\" does and times the Preview page's work"
                + " on them: rendering every node's files and working out each node's steps, first for an install of fresh nodes,"
                + " then for the upgrade of a cluster that runs its control plane as systemd services (which reads every node"
                + " over SSH).",
                "Prints key: value lines: command_delay_ms, then <kind>_nodes, <kind>_files, <kind>_step_lines, <kind>_render_s,"
                        + " <kind>_steps_s, <kind>_preview_s (the two together) and <kind>_preview_s_per_node, for kind install"
                        + " and upgrade, then goal_upgrade_preview_per_node: met when the upgrade's preview takes no longer per"
                        + " node than the install's, else not met."})
final class BenchPreviewCommand implements Callable<Integer> {
    @Option(names = "--install-nodes", defaultValue = "4", paramLabel = "N", description = "Nodes of the install (default ${DEFAULT-VALUE}).")
    int installNodes;

    @Option(names = "--upgrade-nodes", defaultValue = "6", paramLabel = "N", description = "Nodes of the upgrade (default ${DEFAULT-VALUE}).")
    int upgradeNodes;

    @Option(names = "--command-delay-ms", defaultValue = "20", paramLabel = "MS", description = "Time every command on a node"
            + " takes more, as a network's round trip would (default ${DEFAULT-VALUE}).")
    int commandDelayMs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (installNodes < 1 || upgradeNodes < 1 || installNodes > 100 || upgradeNodes > 100 || commandDelayMs < 0) {
            spec.commandLine().getErr().println("mast bench preview: --install-nodes and --upgrade-nodes must be 1 to 100,"
                    + " --command-delay-ms not negative");
            return MastCommand.BAD_INPUT;
        }
        if (!ProductJvm.isCurrent()) {
            return ProductJvm.rerun(spec);
        }
        Path dir = Files.createTempDirectory("mast-bench-preview");
        try {
            var figures = PreviewBench.run(dir, installNodes, upgradeNodes, Duration.ofMillis(commandDelayMs));
            figures.forEach((key, value) -> spec.commandLine().getOut().println(key + ": " + value));
            spec.commandLine().getOut().flush();
            return MastCommand.OK;
        } finally {
            deleteTree(dir);
        }
    }

    /** The simulations' PKI folders; the simulations removed their own nodes' folders. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
