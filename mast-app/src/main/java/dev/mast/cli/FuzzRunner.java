package dev.mast.cli;

import dev.mast.plan.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Feeds one hostile file to the command line exactly as {@code mast validate --plan FILE} (or
 * {@code mast import-kismatic FILE}) runs, and measures the answer: its exit code, any exception
 * no command caught, every printed problem without a {@code file:line:column} location, raw
 * control characters in what was printed, and the CPU time and allocation it took: the calling
 * thread's own, so a busy machine does not change them.
 */
final class FuzzRunner {
    /** What one case did. */
    record Result(FuzzInputs.Case input, int exitCode, Throwable uncaught, List<String> unlocated, boolean controlCharacters,
                  long wallNanos, long cpuNanos, long allocatedBytes) {
        boolean answeredAsBadInputOrValid() {
            return uncaught == null && (exitCode == MastCommand.OK || exitCode == MastCommand.BAD_INPUT);
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Path plan;
    private final Path kismatic;
    private final Path imported;
    private final Pattern located;
    private final String[] validate;
    private final String[] importKismatic;
    /** Built as {@link MastCommand#execute} builds it, once for each command: picocli resets the options on each run. */
    private final Map<String, CommandLine> commands = new HashMap<>();

    /** @param dir where each case's file is written, and the import's plan */
    FuzzRunner(Path dir) {
        this.plan = dir.resolve("cluster.yaml");
        this.kismatic = dir.resolve("kismatic-cluster.yaml");
        this.imported = dir.resolve("imported.yaml");
        this.located = Pattern.compile("^(" + Pattern.quote(plan.toString()) + "|" + Pattern.quote(kismatic.toString()) + "):\\d+:\\d+: .*");
        this.validate = new String[] {"validate", "--plan", plan.toString()};
        this.importKismatic = new String[] {"import-kismatic", kismatic.toString(), "--out", imported.toString()};
    }

    Result run(FuzzInputs.Case input) throws IOException {
        Files.write(input.kismatic() ? kismatic : plan, input.content());
        Files.deleteIfExists(imported);
        String[] args = input.kismatic() ? importKismatic : validate;
        var out = new StringWriter();
        var err = new StringWriter();
        Throwable[] uncaught = new Throwable[1];
        CommandLine cli = commands.computeIfAbsent(args[0], name -> MastCommand.forArguments(args));
        // Not through ConsoleWriter: the messages themselves must be free of control characters (the GUI shows them too).
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            uncaught[0] = e;
            return MastCommand.FAILED;
        });
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int exitCode;
        try {
            exitCode = cli.execute(args);
        } catch (Throwable e) { // OutOfMemoryError, StackOverflowError: what the case is here to find
            uncaught[0] = e;
            exitCode = MastCommand.FAILED;
        }
        long wall = System.nanoTime() - start;
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        allocated = THREADS.getCurrentThreadAllocatedBytes() - allocated;
        var unlocated = new ArrayList<String>();
        unlocated.addAll(unlocated(out.toString()));
        unlocated.addAll(unlocated(err.toString()));
        boolean controls = (out.toString() + err).chars().anyMatch(c -> c != '\n' && c != '\t' && SafeText.isControl(c));
        return new Result(input, exitCode, uncaught[0], unlocated, controls, wall, cpu, allocated);
    }

    /** Every line but the last (the summary) is a problem, and must say where it is. */
    private List<String> unlocated(String output) {
        String[] lines = output.split("\n");
        var missing = new ArrayList<String>();
        for (int i = 0; i < lines.length - 1; i++) {
            if (!located.matcher(lines[i]).matches()) {
                missing.add(lines[i]);
            }
        }
        return missing;
    }
}
