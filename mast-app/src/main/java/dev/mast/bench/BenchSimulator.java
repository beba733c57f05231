package dev.mast.bench;

import dev.mast.concurrent.DaemonThreads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * {@code mast simulate} in a JVM of its own, for the benchmark: the simulated nodes' SSH servers,
 * kubelets and API cost CPU, heap and GC there, not in the JVM that runs Mast's install. Ready
 * once it has written its plan and says so; stopped like Ctrl-C (its shutdown hook closes the nodes).
 */
public final class BenchSimulator implements AutoCloseable {
    private static final String READY = "Press Ctrl-C to stop.";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final Path plan;

    private BenchSimulator(Process process, Path plan) {
        this.process = process;
        this.plan = plan;
    }

    /** Starts {@code count} nodes with the given timing in {@code dir} and waits until they all listen. */
    public static BenchSimulator start(Path dir, int count, Integer stepDelayMs, int commandDelayMs, int tickMs) throws IOException {
        return start(dir, count, stepDelayMs, commandDelayMs, tickMs, false);
    }

    /** @param viaBastion the plan reaches the nodes through a jump host the simulator runs too */
    public static BenchSimulator start(Path dir, int count, Integer stepDelayMs, int commandDelayMs, int tickMs, boolean viaBastion)
            throws IOException {
        Path plan = dir.resolve("cluster.yaml");
        // The simulated nodes are the harness, not what is measured: a JVM that compiles with C1 only spends far less
        // CPU on compiling in a run of a minute (measured: its idle nodes cost ~0.6 core with C2 compiling, ~0.07 without).
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1"));
        // For profiling the harness itself; {nodes} names each run's recording apart, e.g.
        // MAST_BENCH_SIMULATOR_JAVA_OPTIONS=-XX:StartFlightRecording=filename=sim-{nodes}.jfr
        String extraOptions = System.getenv().getOrDefault("MAST_BENCH_SIMULATOR_JAVA_OPTIONS", "").strip()
                .replace("{nodes}", Integer.toString(count));
        if (!extraOptions.isEmpty()) {
            command.addAll(List.of(extraOptions.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.mast.Main", "simulate",
                "--nodes", Integer.toString(count), "--runtime-installed", "--plan-out", plan.toString(), "--command-delay-ms", Integer.toString(commandDelayMs), "--tick-ms", Integer.toString(tickMs)));
        if (stepDelayMs != null) {
            command.addAll(List.of("--step-delay-ms", Integer.toString(stepDelayMs)));
        }
        if (viaBastion) {
            command.add("--bastion");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        BenchSimulator simulator = new BenchSimulator(process, plan);
        try {
            simulator.awaitReady();
        } catch (IOException | RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private void awaitReady() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> tail = new ArrayList<>();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.equals(READY)) {
                        return true;
                    }
                    synchronized (tail) {
                        tail.add(line);
                        if (tail.size() > 20) {
                            tail.remove(0);
                        }
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            if (!ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                synchronized (tail) {
                    throw new IOException("the simulated nodes did not start (exit " + process.waitFor() + "): " + String.join("\n", tail));
                }
            }
        } catch (TimeoutException e) {
            throw new IOException("the simulated nodes did not start within " + START_TIMEOUT.toMinutes() + " minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the simulated nodes started", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("reading the simulator's output failed", e.getCause());
        }
        // Keep draining its output so it never blocks on a full pipe.
        DaemonThreads.start("mast-bench-simulator-output", () -> {
            try {
                while (reader.readLine() != null) {
                    // discarded
                }
            } catch (IOException e) {
                // The process ended.
            }
        });
    }

    /** The plan it wrote; its key and known_hosts are in {@code <plan>-sim/}. */
    public Path plan() {
        return plan;
    }

    public Path knownHosts() {
        return plan.resolveSibling(plan.getFileName() + "-sim").resolve("known_hosts");
    }

    /** CPU time the simulator's JVM used so far. */
    public Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * CPU time the simulator's live threads named {@code prefix-...} used so far, from Linux's /proc (whose thread names
     * keep their first 15 characters); zero elsewhere.
     */
    public Duration threadCpu(String prefix) {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (Files.readString(thread.resolve("comm")).startsWith(prefix + "-")) {
                        String stat = Files.readString(thread.resolve("stat"));
                        // After "pid (name) ": state is field 3, utime field 14 and stime field 15.
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException e) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
