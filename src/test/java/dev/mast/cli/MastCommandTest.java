package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MastCommandTest {

    @Test
    void unknownOptionIsBadInput() {
        var cli = MastCommand.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(MastCommand.BAD_INPUT, cli.execute("--no-such-option"));
    }

    @Test
    void helpListsTheCommandAndExitsZero() {
        var out = new StringWriter();
        var cli = MastCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        assertEquals(MastCommand.OK, cli.execute("--help"));
        assertTrue(out.toString().contains("Usage: mast"), out.toString());
    }
}
