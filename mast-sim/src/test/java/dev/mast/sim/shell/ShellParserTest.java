package dev.mast.sim.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellParserTest {

    private static List<String> words(Script.SimpleCommand command) {
        return command.words().stream().map(Script.Word::text).toList();
    }

    @Test
    void removesQuotesAndKeepsQuotedSpacesInOneWord() throws Exception {
        Script script = ShellParser.parse("echo 'a b' \"c \\\"d\\\"\" e\\ f 'it'\\''s'");
        assertEquals(List.of("echo", "a b", "c \"d\"", "e f", "it's"), words(script.lists().get(0).pipelines().get(0).commands().get(0)));
    }

    @Test
    void splitsAndOrListsPipelinesAndSeparators() throws Exception {
        Script script = ShellParser.parse("a && b || c; d | e\nf");
        assertEquals(3, script.lists().size());
        assertEquals(List.of("&&", "||"), script.lists().get(0).ops());
        assertEquals(2, script.lists().get(1).pipelines().get(0).commands().size());
    }

    @Test
    void readsRedirectionsWithFileDescriptors() throws Exception {
        Script.SimpleCommand command = ShellParser.parse("cmd >/dev/null 2>&1 >> log < in").lists().get(0).pipelines().get(0)
                .commands().get(0);
        assertEquals(List.of("cmd"), words(command));
        assertEquals(List.of(">", ">&", ">>", "<"), command.redirects().stream().map(Script.Redirect::op).toList());
        assertEquals(2, command.redirects().get(1).fd());
        assertEquals("1", command.redirects().get(1).target().text());
    }

    @Test
    void treatsLeadingAssignmentsAsAssignments() throws Exception {
        Script.SimpleCommand command = ShellParser.parse("DEBIAN_FRONTEND=noninteractive apt-get install -y x=1").lists().get(0)
                .pipelines().get(0).commands().get(0);
        assertEquals(List.of("DEBIAN_FRONTEND=noninteractive"), command.assignments());
        assertEquals(List.of("apt-get", "install", "-y", "x=1"), words(command));
    }

    @Test
    void marksOnlyUnquotedPatternsForGlobbing() throws Exception {
        Script.SimpleCommand command = ShellParser.parse("ls *.yaml '*.yaml'").lists().get(0).pipelines().get(0).commands().get(0);
        assertTrue(command.words().get(1).glob());
        assertFalse(command.words().get(2).glob());
    }

    @Test
    void negatesAPipelineWithBang() throws Exception {
        assertTrue(ShellParser.parse("! test -e /x").lists().get(0).pipelines().get(0).negated());
    }

    @Test
    void rejectsExpansionsAndCompoundCommandsWithAClearMessage() {
        assertTrue(assertThrows(ShellSyntaxException.class, () -> ShellParser.parse("echo $(hostname)")).getMessage()
                .contains("command substitution"));
        assertTrue(assertThrows(ShellSyntaxException.class, () -> ShellParser.parse("echo \"$HOME\"")).getMessage()
                .contains("parameter expansion"));
        assertTrue(assertThrows(ShellSyntaxException.class, () -> ShellParser.parse("if true; then echo; fi")).getMessage()
                .contains("not supported"));
        assertTrue(assertThrows(ShellSyntaxException.class, () -> ShellParser.parse("cat <<EOF")).getMessage()
                .contains("here-documents"));
        assertTrue(assertThrows(ShellSyntaxException.class, () -> ShellParser.parse("sleep 1 &")).getMessage()
                .contains("background"));
    }

    @Test
    void keepsDollarSignsInsideSingleQuotes() throws Exception {
        assertEquals(List.of("echo", "$HOME"), words(ShellParser.parse("echo '$HOME'").lists().get(0).pipelines().get(0).commands().get(0)));
    }

    @Test
    void rejectsUnterminatedQuotesAndDanglingOperators() {
        assertThrows(ShellSyntaxException.class, () -> ShellParser.parse("echo 'abc"));
        assertThrows(ShellSyntaxException.class, () -> ShellParser.parse("echo a &&"));
        assertThrows(ShellSyntaxException.class, () -> ShellParser.parse("&& echo"));
    }
}
