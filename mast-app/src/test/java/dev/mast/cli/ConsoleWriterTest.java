package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleWriterTest {
    @TempDir
    Path dir;

    @Test
    void controlCharactersAreEscapedAndLineEndsAndTabsPass() {
        var text = new StringWriter();
        PrintWriter console = ConsoleWriter.wrap(new PrintWriter(text));
        console.print("title \u001b]0;owned\u0007 bell\tcsi \u009b2J\r\nnext\rover\n");
        console.flush();
        assertEquals("title \\u001b]0;owned\\u0007 bell\tcsi \\u009b2J\r\nnext\\rover\n", text.toString());
    }

    @Test
    void theRawWriterPassesWhatMastComposesItself() {
        var text = new StringWriter();
        PrintWriter console = ConsoleWriter.wrap(new PrintWriter(text));
        console.print("a\u001b");
        ConsoleWriter.raw(console).print("\u001b[2F");
        ConsoleWriter.raw(console).flush();
        assertEquals("a\\u001b\u001b[2F", text.toString());
    }

    @Test
    void everyCommandPrintsThroughIt() {
        assertTrue(MastCommand.commandLine().getOut() instanceof ConsoleWriter);
        assertTrue(MastCommand.commandLine().getErr() instanceof ConsoleWriter);
    }

    @Test
    void aFileNameThatWouldRetitleTheTerminalIsPrintedEscaped() {
        Path plan = dir.resolve("\u001b]0;owned\u0007.yaml");
        CliRun run = CliRun.of("validate", "--plan", plan.toString());
        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("\\u001b]0;owned\\u0007.yaml: does not exist"), run.err());
        assertFalse(run.err().contains("\u001b"), run.err());
    }

    @Test
    void anOptionThatWouldClearTheScreenIsEchoedEscaped() {
        CliRun run = CliRun.of("validate", "--plan", "x.yaml", "--\u001b[2J");
        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("--\\u001b[2J"), run.err());
        assertFalse(run.err().contains("\u001b"), run.err());
    }
}
