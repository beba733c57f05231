package dev.mast.cli;

import dev.mast.cluster.logs.LineMatcher;
import dev.mast.cluster.logs.LogBuffer;
import dev.mast.cluster.logs.SearchResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mast bench logs}: fills the log viewer's buffer with component-style lines in batches as
 * the viewer receives them, then searches it, and weighs what it keeps against the raw bytes.
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Log buffer: ingest rate, search time and memory for N lines.")
final class BenchLogsCommand implements Callable<Integer> {
    private static final int BATCH = 2_000;

    @Option(names = "--lines", paramLabel = "N", defaultValue = "1000000", description = "How many lines (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed for the generated lines.")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (lines < 1 || lines > LogBuffer.MAX_CAP) {
            spec.commandLine().getErr().println("mast bench logs: --lines must be between 1 and " + LogBuffer.MAX_CAP
                    + ", got " + lines);
            return MastCommand.BAD_INPUT;
        }
        if (!ProductJvm.isCurrent()) {
            return ProductJvm.rerun(spec);
        }
        List<String> generated = generate(lines, new Random(seed));
        long raw = generated.stream().mapToLong(line -> line.getBytes(StandardCharsets.UTF_8).length + 1L).sum();

        long before = retainedHeap();
        var buffer = new LogBuffer(lines);
        long start = System.nanoTime();
        for (int i = 0; i < generated.size(); i += BATCH) {
            buffer.appendAll(generated.subList(i, Math.min(generated.size(), i + BATCH)));
        }
        long ingestNanos = System.nanoTime() - start;
        long retained = retainedHeap() - before;

        LineMatcher plain = LineMatcher.of("connection refused", false, false);
        SearchResult matches = buffer.search(plain);
        long searchNanos = median(() -> buffer.search(plain));
        LineMatcher regex = LineMatcher.of("took \\d{3,}ms", true, false);
        SearchResult regexMatches = buffer.search(regex);
        long regexNanos = median(() -> buffer.search(regex));

        out.println("jvm_options: " + ProductJvm.tuning());
        out.println("lines: " + buffer.size());
        out.println("raw_bytes: " + raw);
        out.println("ingest_lines_per_s: " + Math.round(lines / (ingestNanos / 1e9)));
        out.println("search_ms: " + millis(searchNanos));
        out.println("search_matches: " + matches.count(buffer.firstSeq()));
        out.println("regex_search_ms: " + millis(regexNanos));
        out.println("regex_search_matches: " + regexMatches.count(buffer.firstSeq()));
        out.println("retained_bytes: " + retained);
        out.println("memory_to_raw_ratio: " + String.format(Locale.ROOT, "%.2f", retained / (double) raw));
        out.flush();
        // Keeps the generated lines alive until after the measurement, so they are not counted as freed.
        return generated.isEmpty() ? MastCommand.FAILED : MastCommand.OK;
    }

    /** klog-style lines of a control-plane component, about 120 bytes each, 1% with a connection error. */
    static List<String> generate(int count, Random random) {
        String[] files = {"controller.go:231", "reflector.go:547", "leaderelection.go:260", "httplog.go:132",
                "event.go:389", "garbagecollector.go:843"};
        String[] verbs = {"Synced", "Reconciled", "Updated lease", "Observed", "Queued", "Processed"};
        List<String> out = new ArrayList<>(count);
        var text = new StringBuilder(160);
        for (int i = 0; i < count; i++) {
            text.setLength(0);
            char level = random.nextInt(100) < 3 ? 'W' : 'I';
            text.append(level).append("0610 ").append(String.format(Locale.ROOT, "%02d:%02d:%02d.%06d",
                    (i / 3_600_000) % 24, (i / 60_000) % 60, (i / 1000) % 60, random.nextInt(1_000_000)));
            text.append("       1 ").append(files[random.nextInt(files.length)]).append("] ");
            if (random.nextInt(100) == 0) {
                text.append("Failed to watch *v1.Pod: dial tcp 10.0.0.11:6443: connect: connection refused");
            } else {
                text.append(verbs[random.nextInt(verbs.length)]).append(" kube-system/pod-").append(random.nextInt(100_000))
                        .append(" took ").append(random.nextInt(2000)).append("ms (generation ")
                        .append(random.nextInt(50)).append(')');
            }
            out.add(text.toString());
        }
        return out;
    }

    private static long median(Runnable run) {
        long[] times = new long[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            run.run();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** Heap in use after full collections, settled. */
    static long retainedHeap() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
