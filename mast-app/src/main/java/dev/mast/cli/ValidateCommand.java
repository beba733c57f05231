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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mast validate --plan FILE}: every problem of a plan, located, and a summary. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
                "Checks a plan file and prints every problem, one per line, as file:line:column: property: message.",
                "Exit code 0 if the plan has no errors (warnings allowed), 2 if it has errors or cannot be read."})
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The plan file, e.g. cluster.yaml.")
    private Path plan;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedPlan loaded;
        try {
            loaded = PlanFile.read(plan);
        } catch (PlanFileException e) {
            e.problems().forEach(problem -> err.println(CliMessages.line(problem)));
            err.println(plan + ": cannot be read as a plan (" + CliMessages.count(e.problems().size(), "problem") + "); fix the file and run mast validate again");
            return MastCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("mast validate: " + plan + ": " + CliMessages.describe(e));
            return MastCommand.BAD_INPUT;
        }
        // Validating logs in nowhere: a key file missing on this machine is a warning here.
        ValidationReport report = new PlanValidator().notConnecting(new SshLoginMeans(SshEnvironment.ofUser(null)))
                .validate(loaded);
        report.problems().forEach(problem -> out.println(CliMessages.line(problem)));
        if (report.hasErrors()) {
            out.println(plan + ": " + report.summary() + "; fix the errors before installing");
        } else {
            out.println(plan + ": valid (" + report.summary() + ")");
        }
        out.flush();
        return report.hasErrors() ? MastCommand.BAD_INPUT : MastCommand.OK;
    }

}
