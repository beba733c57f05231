package dev.mast.cli;

import dev.mast.plan.ImportResult;
import dev.mast.plan.KismaticImport;
import dev.mast.plan.PlanFile;
import dev.mast.plan.PlanFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mast import-kismatic FILE --out PLAN}: a Mast plan from a Kismatic plan file. */
@Command(name = "import-kismatic",
        mixinStandardHelpOptions = true,
        description = {
                "Converts a Kismatic plan file (kismatic-cluster.yaml) into a Mast plan, and prints a warning for"
                        + " every setting that has no Mast equivalent.",
                "Exit code 0 when the plan was written, 2 if the input cannot be converted or PLAN exists"
                        + " (without --force), 1 if PLAN cannot be written."})
final class ImportKismaticCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The Kismatic plan file, e.g. kismatic-cluster.yaml.")
    private Path source;

    @Option(names = "--out", required = true, paramLabel = "PLAN", description = "Where to write the Mast plan.")
    private Path out;

    @Option(names = "--force", description = "Overwrite PLAN if it exists.")
    private boolean force;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(out) && !force) {
            err.println("mast import-kismatic: " + out + " already exists; choose another --out or add --force to overwrite it");
            return MastCommand.BAD_INPUT;
        }
        ImportResult result;
        try {
            result = KismaticImport.read(source);
        } catch (PlanFileException e) {
            e.problems().forEach(problem -> err.println(CliMessages.line(problem)));
            err.println(source + ": cannot be imported (" + CliMessages.count(e.problems().size(), "problem")
                    + "); nothing was written");
            return MastCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("mast import-kismatic: " + source + ": " + CliMessages.describe(e));
            return MastCommand.BAD_INPUT;
        }
        try {
            PlanFile.write(result.plan(), out);
        } catch (IOException e) {
            err.println("mast import-kismatic: cannot write " + out + ": " + CliMessages.describe(e));
            return MastCommand.FAILED;
        }
        result.warnings().forEach(warning -> stdout.println(CliMessages.line(warning)));
        stdout.println("Wrote " + out + " (" + CliMessages.count(result.plan().nodes().size(), "node") + ") from " + source
                + " with " + CliMessages.count(result.warnings().size(), "warning") + ". Check it with: mast validate --plan " + out);
        stdout.flush();
        return MastCommand.OK;
    }
}
