package dev.mast.cli;

import dev.mast.bench.BenchReport;
import dev.mast.bench.ProgressBench;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mast bench}: measurements of Mast itself. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures parts of Mast itself; prints key: value lines.",
        subcommands = {BenchCommand.Progress.class, BenchWorkflowCommand.class, BenchLogsCommand.class, BenchPodsCommand.class,
                BenchStartupCommand.class, BenchFuzzCommand.class, BenchPreviewCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code mast bench progress --nodes 200}: how the Run view keeps up with a large run. */
    @Command(name = "progress",
            mixinStandardHelpOptions = true,
            description = {
                    "Shows the Run view with many nodes and feeds it a synthetic run (one thread per node streaming log lines "
                            + "and step changes), then prints key: value lines: events_per_s, fx_busy_pct (share of wall time "
                            + "the FX thread was busy; aim for under 50), nodes, log_lines, duration_s and cross-checks.",
                    "Needs a display, or runs headless through Monocle when there is none."})
    static final class Progress implements Callable<Integer> {
        @Option(names = "--nodes", defaultValue = "200", paramLabel = "N", description = "How many nodes (default ${DEFAULT-VALUE}).")
        private int nodes;

        @Option(names = "--seconds", defaultValue = "5", paramLabel = "S", description = "How long each node streams (default ${DEFAULT-VALUE}).")
        private int seconds;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (nodes < 1 || seconds < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--nodes and --seconds must be at least 1");
            }
            if (!ProductJvm.isCurrent()) {
                return ProductJvm.rerun(spec);
            }
            try {
                BenchReport report = ProgressBench.run(nodes, Duration.ofSeconds(seconds));
                report.lines().forEach(out::println);
                out.flush();
                return MastCommand.OK;
            } catch (Exception e) {
                err.println("mast bench progress: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                err.flush();
                return MastCommand.FAILED;
            }
        }
    }
}
