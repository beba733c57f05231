package dev.mast.cli;

import dev.mast.AppLogging;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mast} command and its subcommands. Exit codes: 0 ok, 1 failure, 2 bad input. */
@Command(name = "mast",
        mixinStandardHelpOptions = true,
        versionProvider = MastVersion.class,
        description = "Installs Kubernetes control planes as static pods, and moves systemd-run clusters onto them.")
public final class MastCommand implements Runnable {
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            ValidateCommand.class,
            ImportKismaticCommand.class,
            RenderCommand.class,
            InstallCommand.class,
            UpgradeCommand.class,
            SimulateCommand.class,
            PodsCommand.class,
            LogsCommand.class,
            BenchCommand.class);

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The whole command line, every subcommand built. */
    public static CommandLine commandLine() {
        return build(type -> true);
    }

    /**
     * The command line as {@code args} need it: the subcommand they name built in full, the others only as far as
     * the list of commands shows them (name and description). picocli otherwise reads every option of every command
     * by reflection before it even looks at the arguments: most of the time {@code mast --help} took.
     */
    static CommandLine forArguments(String... args) {
        String named = args.length > 1 && args[0].equals("help") ? args[1] : args.length > 0 ? args[0] : "";
        return build(type -> {
            Command command = type.getAnnotation(Command.class);
            return command.name().equals(named) || Arrays.asList(command.aliases()).contains(named);
        });
    }

    private static CommandLine build(Predicate<Class<?>> inFull) {
        CommandLine root = new CommandLine(new MastCommand());
        for (Class<?> type : SUBCOMMANDS) {
            root.addSubcommand(inFull.test(type) || type == CommandLine.HelpCommand.class ? new CommandLine(type) : listedOnly(type));
        }
        root.setOut(ConsoleWriter.wrap(root.getOut()));
        root.setErr(ConsoleWriter.wrap(root.getErr()));
        root.setExecutionExceptionHandler(MastCommand::unexpected);
        return root.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? BAD_INPUT : FAILED);
    }

    /**
     * An exception no command caught is a bug in Mast: the user gets one sentence, the app log the
     * stack trace (picocli would print the trace on the console).
     */
    private static int unexpected(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        Logger.getLogger(MastCommand.class.getName()).log(Level.SEVERE, "mast " + command.getCommandName() + " failed", e);
        command.getErr().println("mast " + command.getCommandName() + ": unexpected error (" + e
                + "), a bug in Mast; the app log in " + AppLogging.folder() + " has the details");
        command.getErr().flush();
        return FAILED;
    }

    /** A stand-in that shows a command in the list of commands and nothing more. */
    private static CommandLine listedOnly(Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(command.name()).aliases(command.aliases());
        spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
        return new CommandLine(spec);
    }

    public static int execute(String... args) {
        return forArguments(args).execute(args);
    }
}
