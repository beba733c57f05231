package dev.mast.cli;

import dev.mast.bench.BenchSimulator;
import dev.mast.bench.PhaseClock;
import dev.mast.bench.ThreadCpu;
import dev.mast.bench.WorkflowGoals;
import dev.mast.node.Command;
import dev.mast.node.CredentialPrompt;
import dev.mast.node.LineSink;
import dev.mast.node.NodeConnection;
import dev.mast.node.NodeConnector;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.sim.SimBastion;
import dev.mast.workflow.run.ClusterRun;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.Timeouts;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import net.schmizz.sshj.transport.Reader;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mast bench workflow --nodes 200}: the real install over SSH against simulated nodes
 * (run by {@code mast simulate} in a JVM of its own), first on one node, then on N at once.
 * Every package install, image pull and component start on a node takes a fixed time, as a
 * real step takes seconds, and every command a fixed latency. Prints how the wall time
 * scales, the CPU both sides used, how many commands one SSH connection carries per second,
 * and the peak heap of Mast's own JVM.
 */
@CommandLine.Command(name = "workflow", mixinStandardHelpOptions = true,
        description = {"Runs Mast's install on 1 and then N simulated nodes (concurrency N), after a warm-up install. The"
                + " simulated nodes run in a JVM of their own (mast simulate); each package install, image pull and component"
                + " start on a node takes --step-delay-ms, and each command --command-delay-ms more.",
                "Prints key: value lines: cpus and other_programs_cpu_s (CPU other programs took during the N-node run; it"
                + " skews the figures); scale_ratio (wall time of N nodes / 1 node); client_cpu_s, client_cpu_ms_per_node and"
                + " simulator_cpu_s (CPU used by Mast and by the simulated nodes in the N-node run); client_cpu_outside_steps_s"
                + " (Mast's CPU on no step's thread: SSH transport, output pumps, garbage collection, compiler);"
                + " client_cpu_s.threads.<group> (Mast's CPU by what its threads do: ssh_transport, ssh_output_pumps, steps,"
                + " kubernetes_client, ...; jvm: on no Java thread, i.e. collections and the compiler);"
                + " phase_s.<phase> and phase_1_node_s.<phase> (each phase's wall time; phases a node goes on to without"
                + " waiting for the others overlap); phase_client_cpu_s.<phase>, phase_nodes.<phase> and"
                + " phase_client_cpu_ms_per_node.<phase> (the CPU of the threads that ran the phase's steps, the nodes it ran on,"
                + " and their quotient); phase_simulator_cpu_s.<phase> (the simulator's CPU from the phase's start to the next's);"
                + " ssh_round_trips_per_s (sequential commands over one SSH connection, no delays; aim for >= 500); via_bastion"
                + " (--via-bastion: every node reached through one jump host); simulator_jump_host_cpu_s (--via-bastion: the"
                + " part of simulator_cpu_s the simulated jump host took, deciphering and forwarding every node's traffic; a"
                + " real jump host runs on a machine of its own); peak_heap_mb and peak_live_mb (Mast's JVM,"
                + " simulator excluded: the most heap in use, and the most still in use after a collection).",
                "Then machine_busy_pct (CPU of Mast, the simulator and other programs over what the cores give in the N-node"
                + " run's wall time), wall_bound_by (waits: the machine had CPU to spare; else simulator, mast or other programs,"
                + " whichever used the most of a busy machine), and each goal met or not: goal_peak_heap (< 512 MB),"
                + " goal_client_cpu_per_node (<= 10 ms), goal_phase_cpu_per_node (no phase costs more per node it acts on with N nodes than"
                + " with one, within twice + 1 ms),"
                + " goal_scale_ratio (<= 1.3; not judged when the simulator or other programs bound the wall time)."})
final class BenchWorkflowCommand implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "200", description = "How many nodes in the large run (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--step-delay-ms", defaultValue = "2000", description = "Time each package install, image pull and component"
            + " start takes on a node (default ${DEFAULT-VALUE}).")
    int stepDelayMs;

    @Option(names = {"--command-delay-ms", "--delay-ms"}, defaultValue = "20", description = "Latency every command adds"
            + " (default ${DEFAULT-VALUE}).")
    int commandDelayMs;

    @Option(names = "--tick-ms", defaultValue = "200", description = "How often each simulated kubelet and systemd look at"
            + " their work (default ${DEFAULT-VALUE}).")
    int tickMs;

    @Option(names = "--via-bastion", description = "Reach every node through one jump host (ssh.jump), as nodes in a"
            + " private network are: one SSH connection to the jump host carries every node's connection.")
    boolean viaBastion;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** One install's figures. */
    private record Run(Duration wall, Duration clientCpu, Duration simulatorCpu, Map<String, Duration> phases, Duration machineCpu,
            Map<String, Duration> phaseClientCpu, Map<String, Integer> phaseNodes, Map<String, Duration> phaseSimulatorCpu,
            Map<String, Duration> clientCpuByThreads, Duration jumpHostCpu) {
        /** Each phase's CPU per node it ran on. */
        Map<String, Duration> phaseClientCpuPerNode() {
            Map<String, Duration> perNode = new LinkedHashMap<>();
            phaseClientCpu.forEach((phase, cpu) -> {
                int count = phaseNodes.getOrDefault(phase, 0);
                perNode.put(phase, count == 0 ? Duration.ZERO : cpu.dividedBy(count));
            });
            return perNode;
        }

        /** Mast's CPU outside its steps' own threads: the SSH transport, output pumps, collections, the compiler. */
        Duration clientCpuOutsideSteps() {
            return clientCpu.minus(phaseClientCpu.values().stream().reduce(Duration.ZERO, Duration::plus));
        }

        /** CPU that other programs on the machine took during the run (unknown off Linux: zero). */
        Duration otherCpu() {
            Duration other = machineCpu.minus(clientCpu).minus(simulatorCpu);
            return machineCpu.isZero() || other.isNegative() ? Duration.ZERO : other;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || nodes > 1000 || stepDelayMs < 0 || commandDelayMs < 0 || tickMs < 10) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--nodes must be 1 to 1000, --step-delay-ms and"
                    + " --command-delay-ms not negative, --tick-ms at least 10");
        }
        if (!ProductJvm.isCurrent()) {
            return ProductJvm.rerun(spec);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("mast-bench-workflow");
        try (HeapPeak heap = new HeapPeak()) {
            // A first install without delays warms this JVM up (class loading, JIT), so the 1-node run is not its cold start.
            install(dir.resolve("warm-up"), 1, 0, 0);
            Run one = install(dir.resolve("one"), 1, stepDelayMs, commandDelayMs);
            Run many = install(dir.resolve("many"), nodes, stepDelayMs, commandDelayMs);
            double roundTrips = roundTripsPerSecond(dir.resolve("rtt"));
            out.printf("nodes: %d%n", nodes);
            out.printf("via_bastion: %b%n", viaBastion);
            out.printf("cpus: %d%n", Runtime.getRuntime().availableProcessors());
            out.println("jvm_options: " + ProductJvm.tuning());
            out.printf("other_programs_cpu_s: %.2f%n", seconds(many.otherCpu()));
            out.printf("step_delay_ms: %d%n", stepDelayMs);
            out.printf("command_delay_ms: %d%n", commandDelayMs);
            out.printf("wall_1_node_s: %.2f%n", seconds(one.wall()));
            out.printf("wall_%d_nodes_s: %.2f%n", nodes, seconds(many.wall()));
            out.printf("scale_ratio: %.2f%n", (double) many.wall().toMillis() / one.wall().toMillis());
            out.printf("client_cpu_s: %.2f%n", seconds(many.clientCpu()));
            out.printf("client_cpu_ms_per_node: %.0f%n", many.clientCpu().toMillis() / (double) nodes);
            out.printf("simulator_cpu_s: %.2f%n", seconds(many.simulatorCpu()));
            if (viaBastion) {
                out.printf("simulator_jump_host_cpu_s: %.2f%n", seconds(many.jumpHostCpu()));
            }
            out.printf("client_cpu_outside_steps_s: %.2f%n", seconds(many.clientCpuOutsideSteps()));
            many.clientCpuByThreads().forEach((group, cpu) -> out.printf("client_cpu_s.threads.%s: %.2f%n", group, seconds(cpu)));
            out.printf("client_cpu_s.threads.jvm: %.2f%n", seconds(many.clientCpu().minus(
                    many.clientCpuByThreads().values().stream().reduce(Duration.ZERO, Duration::plus))));
            out.printf("client_cpu_1_node_s: %.2f%n", seconds(one.clientCpu()));
            many.phases().forEach((phase, wall) -> out.printf("phase_s.%s: %.2f%n", phase, seconds(wall)));
            one.phases().forEach((phase, wall) -> out.printf("phase_1_node_s.%s: %.2f%n", phase, seconds(wall)));
            many.phaseClientCpu().forEach((phase, cpu) -> out.printf("phase_client_cpu_s.%s: %.2f%n", phase, seconds(cpu)));
            many.phaseNodes().forEach((phase, count) -> out.printf("phase_nodes.%s: %d%n", phase, count));
            many.phaseClientCpuPerNode().forEach((phase, cpu) -> out.printf("phase_client_cpu_ms_per_node.%s: %.2f%n", phase,
                    cpu.toNanos() / 1e6));
            many.phaseSimulatorCpu().forEach((phase, cpu) -> out.printf("phase_simulator_cpu_s.%s: %.2f%n", phase, seconds(cpu)));
            out.printf("ssh_round_trips_per_s: %.0f%n", roundTrips);
            long peakHeapMb = heap.bytes() / (1024 * 1024);
            out.printf("peak_heap_mb: %d%n", peakHeapMb);
            out.printf("peak_live_mb: %d%n", heap.liveBytes() / (1024 * 1024));
            out.println("ssh_reader_buffer_kib: " + sshReaderBufferKib());
            new WorkflowGoals(nodes, Runtime.getRuntime().availableProcessors(), one.wall(), many.wall(), many.clientCpu(),
                    many.simulatorCpu(), many.otherCpu(), peakHeapMb, many.phaseClientCpuPerNode(), one.phaseClientCpuPerNode())
                    .lines().forEach(out::println);
            out.flush();
            return MastCommand.OK;
        }
    }

    /** Mast's sshj reader holds 32 KiB per connection; sshj's own, if it came first on the class path, 256. */
    private static String sshReaderBufferKib() {
        try {
            return String.valueOf(Reader.class.getField("RECEIVE_BUFFER_BYTES").getInt(null) / 1024);
        } catch (ReflectiveOperationException e) {
            return "256 (sshj's own reader: Mast's is not first on the class path)";
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private Run install(Path dir, int count, int stepDelay, int commandDelay) throws Exception {
        Files.createDirectories(dir);
        try (BenchSimulator simulator = BenchSimulator.start(dir, count, stepDelay, commandDelay, tickMs, viaBastion)) {
            Plan plan = PlanFile.read(simulator.plan()).plan();
            PhaseClock phases = new PhaseClock(List.of(simulator::cpu));
            var request = ClusterRun.Request.of(plan, ClusterRun.Kind.INSTALL, dir.resolve("pki"), dir.resolve("admin.conf"))
                    .withTimeouts(new Timeouts(Duration.ofMinutes(5), Duration.ofMillis(500))).withConcurrency(count);
            try (NodeConnector connector = new NodeConnector(CredentialPrompt.refusing(), simulator.knownHosts());
                 ClusterRun run = ClusterRun.overSsh(request, connector)) {
                Duration simulatorBefore = simulator.cpu();
                Duration jumpHostBefore = simulator.threadCpu(SimBastion.THREAD_NAME);
                Duration machineBefore = machineCpu();
                ThreadCpu threads = new ThreadCpu(ThreadCpu::mastGroup);
                long cpuBefore = processCpuNanos();
                long start = System.nanoTime();
                RunSummary summary = run.run(Set.of(), phases);
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                Map<String, Duration> byThreads = threads.byGroup();
                threads.close();
                Duration clientCpu = Duration.ofNanos(processCpuNanos() - cpuBefore).minus(threads.ownCpu());
                Duration simulatorCpu = simulator.cpu().minus(simulatorBefore);
                Duration jumpHostCpu = simulator.threadCpu(SimBastion.THREAD_NAME).minus(jumpHostBefore);
                if (!summary.succeeded()) {
                    throw new IllegalStateException("the benchmark install did not finish: " + summary.describe());
                }
                Duration machineCpu = machineCpu().minus(machineBefore);
                List<Duration> end = phases.now();
                return new Run(wall, clientCpu, simulatorCpu, phases.walls(), machineCpu, phases.stepCpu(), phases.nodes(),
                        phases.cpu(0, end), byThreads, jumpHostCpu);
            }
        }
    }

    /** CPU time all programs on the machine used since boot, from /proc/stat; zero where there is none. */
    private static Duration machineCpu() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal; not idle or iowait
                busy += Long.parseLong(fields[i]);
            }
            return Duration.ofMillis(busy * 10); // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Sequential commands over one connection, without simulated delay: the cost of a round trip itself. */
    private double roundTripsPerSecond(Path dir) throws Exception {
        Files.createDirectories(dir);
        try (BenchSimulator simulator = BenchSimulator.start(dir, 1, null, 0, tickMs, viaBastion)) {
            Plan plan = PlanFile.read(simulator.plan()).plan();
            try (NodeConnector connector = new NodeConnector(CredentialPrompt.refusing(), simulator.knownHosts());
                 NodeConnection connection = connector.connect(plan.nodes().get(0))) {
                for (int i = 0; i < 50; i++) {
                    connection.run(Command.idempotent("true"), LineSink.DISCARD);
                }
                int count = 1000;
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    connection.run(Command.idempotent("true"), LineSink.DISCARD);
                }
                return count / ((System.nanoTime() - start) / 1e9);
            }
        }
    }
}
