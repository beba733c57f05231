package dev.mast.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mast bench}: benchmarks that print {@code key: value} lines, for comparing builds and machines. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the log viewer and the pod list; prints key: value lines.",
        subcommands = {BenchLogsCommand.class, BenchPodsCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
