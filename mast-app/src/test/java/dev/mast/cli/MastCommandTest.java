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

    private record Outcome(int exitCode, String out, String err) { }

    private static Outcome run(picocli.CommandLine cli, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"--help", "help", "help install", "install --help", "bench --help",
            "bench workflow --help", "logs --help", "--version", "no-such-command", "instal --plan x.yaml", "validate"})
    void buildingOnlyTheNamedCommandAnswersAsTheWholeCommandLineDoes(String line) {
        String[] args = line.split(" ");
        Outcome whole = run(MastCommand.commandLine(), args);
        Outcome lazy = run(MastCommand.forArguments(args), args);
        assertEquals(whole, lazy);
        assertTrue(!(whole.out() + whole.err()).isBlank(), "something is printed for " + line);
    }

    @Test
    void theTopLevelHelpListsEveryCommandWithItsDescription() {
        String help = run(MastCommand.forArguments("--help"), "--help").out();
        for (String command : java.util.List.of("validate", "import-kismatic", "render", "install", "upgrade", "simulate", "pods",
                "logs", "bench")) {
            assertTrue(help.matches("(?s).*\\n  " + command + " +\\S.*"), command + " with a description in:\n" + help);
        }
    }

    @Test
    void eachCommandsSummaryInTheListIsAWholeSentence() {
        java.util.List<picocli.CommandLine> commands = new java.util.ArrayList<>(MastCommand.commandLine().getSubcommands().values());
        commands.addAll(MastCommand.commandLine().getSubcommands().get("bench").getSubcommands().values());
        // The list of commands shows only the first line of a description.
        java.util.List<String> cut = commands.stream().map(c -> c.getCommandName() + ": " + c.getCommandSpec().usageMessage().description()[0])
                .filter(summary -> !summary.endsWith(".")).toList();
        assertEquals(java.util.List.of(), cut);
    }
}
