package dev.mast.cli;

import dev.mast.plan.SafeText;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.ProgressListener;
import dev.mast.workflow.StepState;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a run on the console, one line per node. On a terminal the block of lines is redrawn
 * in place (at most ten times a second); otherwise each change is printed as a new line, which
 * reads well in CI logs. Command output goes to the run folder, not to the console.
 */
final class ConsoleProgress implements ProgressListener {
    private static final long REDRAW_MILLIS = 100;

    private record Line(int done, int total, String phase, StepState state, String message) { }

    private final PrintWriter out;
    private final boolean redraw;
    private final Map<String, Line> lines = new LinkedHashMap<>();
    private int drawnLines;
    private long lastDraw;

    ConsoleProgress(PrintWriter out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        if (event instanceof ProgressEvent.RunStarted started) {
            started.nodes().forEach(n -> lines.put(n, new Line(0, started.stepsPerNode().get(n), "", StepState.PENDING, "waiting")));
            out.println(started.workflow() + " on " + started.nodes().size() + " nodes");
        } else if (event instanceof ProgressEvent.StepChanged step) {
            Line old = lines.get(step.node());
            int done = old.done() + (step.state().isFinal() ? 1 : 0);
            Line line = new Line(done, old.total(), step.phase(), step.state(), step.message());
            lines.put(step.node(), line);
            if (!redraw) {
                out.println(format(step.node(), line));
                out.flush();
            } else if (System.currentTimeMillis() - lastDraw >= REDRAW_MILLIS || step.state().isFailure()) {
                draw();
            }
        } else if (event instanceof ProgressEvent.RunFinished finished) {
            if (redraw) {
                draw();
            }
            out.println(finished.summary().describe());
            out.flush();
        }
    }

    /** Moves the cursor up over the block and rewrites it: its own control sequences, its text escaped. */
    private void draw() {
        PrintWriter terminal = ConsoleWriter.raw(out);
        if (drawnLines > 0) {
            terminal.print("\u001b[" + drawnLines + "F");
        }
        lines.forEach((node, line) -> terminal.print("\u001b[2K" + format(node, line) + "\n"));
        drawnLines = lines.size();
        lastDraw = System.currentTimeMillis();
        terminal.flush();
    }

    private static String format(String node, Line line) {
        String message = line.message().replace('\n', ' ');
        if (message.length() > 100) {
            message = message.substring(0, 97) + "...";
        }
        return SafeText.escape(String.format("%-20s %3d/%-3d %-28s %-11s %s", node, line.done(), line.total(), line.phase(),
                line.state(), message));
    }
}
