package dev.mast.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mast} command and its subcommands. Exit codes: 0 ok, 1 failure, 2 bad input. */
@Command(name = "mast",
        mixinStandardHelpOptions = true,
        versionProvider = MastVersion.class,
        description = "Installs Kubernetes control planes as static pods, and moves systemd-run clusters onto them.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ValidateCommand.class,
                ImportKismaticCommand.class,
                RenderCommand.class,
                InstallCommand.class,
                UpgradeCommand.class,
                SimulateCommand.class,
                PodsCommand.class,
                LogsCommand.class,
                BenchCommand.class,
        })
public final class MastCommand implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        return new CommandLine(new MastCommand())
                .setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? BAD_INPUT : FAILED);
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }
}
