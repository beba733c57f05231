package dev.mast.cli;

import dev.mast.node.SshEnvironment;
import dev.mast.node.SshLoginMeans;
import dev.mast.plan.LoadedPlan;
import dev.mast.plan.PlanFile;
import dev.mast.plan.PlanFileException;
import dev.mast.plan.PlanValidator;
import dev.mast.plan.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --plan FILE} option of the commands that act on a cluster: read, validate, report. */
final class PlanInput {
    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The plan file, e.g. cluster.yaml.")
    Path file;

    /**
     * Render writes local files only: a key file missing here is a warning. The commands that
     * log in need a way to: the key file, or the ssh-agent or ~/.ssh/config.
     */
    private static PlanValidator validator(String command) {
        var login = new SshLoginMeans(SshEnvironment.ofUser(null));
        return command.equals("render") ? new PlanValidator().notConnecting(login) : new PlanValidator().connecting(login);
    }

    /**
     * The plan if it reads and validates; otherwise prints every problem to {@code err} and
     * returns empty (the command then exits with {@link MastCommand#BAD_INPUT}). Warnings are
     * printed either way.
     */
    Optional<LoadedPlan> load(String command, PrintWriter err) {
        return load(command, err, true);
    }

    /**
     * As {@link #load(String, PrintWriter)}; without {@code warnings}, only errors are printed: for a
     * command that takes from the plan no more than how to reach the nodes ({@code mast logs}, {@code mast pods}), the
     * warnings about the cluster it describes would only be noise.
     */
    Optional<LoadedPlan> load(String command, PrintWriter err, boolean warnings) {
        LoadedPlan loaded;
        try {
            loaded = PlanFile.read(file);
        } catch (PlanFileException e) {
            e.problems().forEach(problem -> err.println(CliMessages.line(problem)));
            err.println(file + ": cannot be read as a plan; fix it and run mast validate --plan " + file);
            return Optional.empty();
        } catch (IOException e) {
            err.println("mast " + command + ": " + file + ": " + CliMessages.describe(e));
            return Optional.empty();
        }
        ValidationReport report = validator(command).validate(loaded);
        report.problems().stream().filter(problem -> warnings || problem.isError())
                .forEach(problem -> err.println(CliMessages.line(problem)));
        if (report.hasErrors()) {
            err.println(file + ": " + report.summary() + "; nothing was done");
            err.flush();
            return Optional.empty();
        }
        return Optional.of(loaded);
    }
}
