package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.StepState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private static final String HOSTILE = "failed: \u001b]0;owned\u0007 \u009b2J";

    private static String show(boolean redraw) {
        var text = new StringWriter();
        var progress = new ConsoleProgress(ConsoleWriter.wrap(new PrintWriter(text)), redraw);
        progress.onEvent(new ProgressEvent.RunStarted(Instant.EPOCH, "install", List.of("node001"), Map.of("node001", 3)));
        progress.onEvent(new ProgressEvent.StepChanged(Instant.EPOCH, "node001", "etcd/start", "Start etcd", StepState.FAILED, HOSTILE));
        return text.toString();
    }

    @Test
    void aNodesMessageIsShownEscapedLineByLine() {
        String shown = show(false);
        assertTrue(shown.contains("failed: \\u001b]0;owned\\u0007 \\u009b2J"), shown);
        assertFalse(shown.contains("\u001b") || shown.contains("\u0007") || shown.contains("\u009b"), shown);
    }

    @Test
    void onATerminalTheBlockIsRedrawnWithItsOwnSequencesAndTheMessageEscaped() {
        String shown = show(true);
        assertTrue(shown.contains("\u001b[2K"), "clears each line it redraws: " + shown);
        assertTrue(shown.contains("failed: \\u001b]0;owned\\u0007 \\u009b2J"), shown);
        assertFalse(shown.contains("\u0007") || shown.contains("\u009b") || shown.contains("\u001b]"), shown);
    }
}
