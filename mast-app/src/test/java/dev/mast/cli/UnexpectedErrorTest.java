package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.node.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class UnexpectedErrorTest {
    @Command(name = "broken")
    static final class Broken implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void anExceptionNoCommandCaughtIsOneSentenceOnTheConsoleAndTheStackTraceInTheLog() {
        CommandLine cli = MastCommand.commandLine().addSubcommand(new CommandLine(new Broken()));
        var err = new StringWriter();
        cli.setErr(ConsoleWriter.wrap(new PrintWriter(err, true)));
        int exitCode;
        try (var log = new LogCapture()) {
            exitCode = cli.execute("broken");
            assertTrue(log.records().stream().anyMatch(r -> r.contains("mast broken failed") && r.contains("IllegalStateException: a bug")
                    && r.contains("\tat dev.mast.cli.UnexpectedErrorTest$Broken.call")), log.records().toString());
        }
        assertEquals(MastCommand.FAILED, exitCode);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("mast broken: unexpected error (java.lang.IllegalStateException: a bug), a bug in"
                + " Mast; the app log in "), err.toString());
    }
}
