package dev.mast.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code mast} command line with its output captured. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = MastCommand.commandLine();
        // As the command line runs: through the writer that escapes control characters.
        cli.setOut(ConsoleWriter.wrap(new PrintWriter(out, true)));
        cli.setErr(ConsoleWriter.wrap(new PrintWriter(err, true)));
        int exitCode = cli.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
