package dev.mast.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mast bench fuzz}: thousands of spoilt plans and Kismatic files through {@code mast validate} and {@code mast
 * import-kismatic}, in a JVM whose heap is limited to what Mast promises to answer any file in, and what came of them.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Feeds mast validate and mast import-kismatic generated hostile files (20 kinds of mutation) and prints"
                + " key: value lines: cases, uncaught (exceptions no command caught), unlocated (cases with a problem"
                + " printed without file:line:column), bad_exit, control_characters, slowest_ms, max_cpu_ms, max_alloc_mb"
                + " peak_heap_mb (the most heap in use) and peak_live_mb (the most in use after a collection).",
                "Runs in a JVM with a " + BenchFuzzCommand.HEAP_MB + " MB heap; exit code 1 if any case failed."})
final class BenchFuzzCommand implements Callable<Integer> {
    static final int HEAP_MB = 256;

    @Option(names = "--cases", paramLabel = "N", defaultValue = "10000", description = "How many plans (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--kismatic-cases", paramLabel = "N", defaultValue = "-1",
            description = "How many Kismatic files (default: a quarter of --cases).")
    int kismaticCases;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the mutations (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (cases < 0) {
            spec.commandLine().getErr().println("mast bench fuzz: --cases must be 0 or more, got " + cases);
            return MastCommand.BAD_INPUT;
        }
        if (!ProductJvm.isCurrent() || Runtime.getRuntime().maxMemory() > HEAP_MB * 1024L * 1024L) {
            return ProductJvm.rerun(spec, List.of("-Xmx" + HEAP_MB + "m"));
        }
        Path dir = Files.createTempDirectory("mast-fuzz");
        try (var heap = new HeapPeak()) {
            FuzzTally tally = run(dir, seed, cases, kismaticCases < 0 ? cases / 4 : kismaticCases);
            out.println("jvm_options: " + ProductJvm.tuning() + " -Xmx" + HEAP_MB + "m");
            out.println("seed: " + seed);
            tally.lines(heap.bytes(), heap.liveBytes()).forEach(out::println);
            tally.failures().forEach(failure -> out.println("failed: " + failure));
            out.flush();
            return tally.failed() == 0 ? MastCommand.OK : MastCommand.FAILED;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /** Runs the plans, then the Kismatic files, each through the command line in this thread. */
    static FuzzTally run(Path dir, long seed, int plans, int kismaticFiles) throws IOException {
        Path keyFile = Files.writeString(dir.resolve("id_ed25519"), "a key file the plans name; validate only reads its mode\n");
        var inputs = new FuzzInputs(seed, keyFile);
        var runner = new FuzzRunner(dir);
        var tally = new FuzzTally();
        for (int i = 0; i < plans; i++) {
            tally.add(runner.run(inputs.plan(i)));
        }
        for (int i = 0; i < kismaticFiles; i++) {
            tally.add(runner.run(inputs.kismatic(i)));
        }
        return tally;
    }
}
