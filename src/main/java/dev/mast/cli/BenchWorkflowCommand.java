package dev.mast.cli;


import dev.mast.node.CredentialPrompt;
import dev.mast.node.LineSink;
import dev.mast.node.NodeConnection;
import dev.mast.node.NodeConnector;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.render.ClusterRenderer;
import dev.mast.render.RenderedCluster;
import dev.mast.sim.ClientKeys;
import dev.mast.sim.Provisioning;
import dev.mast.sim.SimPlanWriter;
import dev.mast.sim.SimulatedCluster;
import dev.mast.sim.SimulatedNode;
import dev.mast.sim.machine.SimTiming;
import dev.mast.sim.machine.SudoPolicy;
import dev.mast.workflow.InstallWorkflow;
import dev.mast.workflow.LazyCluster;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.SshRemote;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.WorkflowRunner;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mast bench workflow --nodes 200}: the real install over SSH against simulated nodes
 * whose every command takes a fixed time, first on one node, then on N at once; prints how
 * the wall time scales, how many commands one SSH connection carries per second, and the
 * peak heap.
 */
@Command(name = "workflow", mixinStandardHelpOptions = true,
        description = {"Runs Mast's install on 1 and then N simulated nodes (concurrency N), each command with a fixed delay,",
                "and prints key: value lines: scale_ratio (wall time of N nodes / 1 node; aim for <= 1.3),",
                "ssh_round_trips_per_s (commands over one SSH connection; aim for >= 500), peak_heap_mb (aim for < 1024)."})
final class BenchWorkflowCommand implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "200", description = "How many nodes in the large run (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--delay-ms", defaultValue = "20", description = "Simulated time every command takes (default ${DEFAULT-VALUE}).")
    int delayMs;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || delayMs < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--nodes must be at least 1 and --delay-ms not negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("mast-bench-workflow");
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = heapSampler(peakHeap);
        try {
            Duration one = install(dir.resolve("one"), 1);
            Duration many = install(dir.resolve("many"), nodes);
            double roundTrips = roundTripsPerSecond(dir.resolve("rtt"));
            out.printf("nodes: %d%n", nodes);
            out.printf("delay_per_command_ms: %d%n", delayMs);
            out.printf("wall_1_node_s: %.2f%n", one.toMillis() / 1000.0);
            out.printf("wall_%d_nodes_s: %.2f%n", nodes, many.toMillis() / 1000.0);
            out.printf("scale_ratio: %.2f%n", (double) many.toMillis() / one.toMillis());
            out.printf("ssh_round_trips_per_s: %.0f%n", roundTrips);
            out.printf("peak_heap_mb: %d%n", peakHeap.get() / (1024 * 1024));
            out.flush();
            return MastCommand.OK;
        } finally {
            sampler.interrupt();
        }
    }

    private Duration install(Path dir, int count) throws Exception {
        Files.createDirectories(dir);
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_ed25519");
        ClientKeys.write(keys, keyFile, "bench");
        String version = KubernetesVersion.DEFAULT.toString();
        try (SimulatedCluster cluster = SimulatedCluster.builder().nodes(count).provisioning(Provisioning.FRESH_WITH_RUNTIME)
                .sshUser("root", SudoPolicy.noPassword()).authorizedKey(keys.getPublic()).timing(SimTiming.fast())
                .kubernetesVersion(version).workDir(dir.resolve("nodes")).start()) {
            cluster.nodes().forEach(node -> node.faults().fixedDelay(Duration.ofMillis(delayMs)));
            ClientKeys.writeKnownHosts(cluster.nodes(), dir.resolve("known_hosts"));
            Plan plan = PlanFile.parse("bench.yaml", SimPlanWriter.yaml(cluster, version, ContainerRuntime.CONTAINERD, "root", keyFile)).plan();
            RenderedCluster rendered = ClusterRenderer.render(plan, dir.resolve("pki"));
            try (NodeConnector connector = new NodeConnector(CredentialPrompt.refusing(), dir.resolve("known_hosts"));
                 LazyCluster api = new LazyCluster(rendered.superAdminKubeconfig())) {
                var workflow = InstallWorkflow.create(rendered, api, new Timeouts(Duration.ofMinutes(5), Duration.ofMillis(200)),
                        Clock.systemUTC());
                var runner = new WorkflowRunner(workflow, plan, SshRemote.factory(connector), event -> { },
                        new WorkflowRunner.Options(count, Clock.systemUTC()));
                long start = System.nanoTime();
                RunSummary summary = runner.run();
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                if (!summary.succeeded()) {
                    throw new IllegalStateException("the benchmark install did not finish: " + summary.describe());
                }
                return wall;
            }
        }
    }

    /** Sequential commands over one connection, without simulated delay: the cost of a round trip itself. */
    private static double roundTripsPerSecond(Path dir) throws Exception {
        Files.createDirectories(dir);
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_ed25519");
        ClientKeys.write(keys, keyFile, "bench");
        try (SimulatedCluster cluster = SimulatedCluster.builder().nodes(1).provisioning(Provisioning.FRESH)
                .sshUser("root", SudoPolicy.noPassword()).authorizedKey(keys.getPublic()).timing(SimTiming.fast())
                .workDir(dir.resolve("nodes")).start()) {
            ClientKeys.writeKnownHosts(cluster.nodes(), dir.resolve("known_hosts"));
            SimulatedNode node = cluster.nodes().get(0);
            try (NodeConnector connector = new NodeConnector(CredentialPrompt.refusing(), dir.resolve("known_hosts"));
                 NodeConnection connection = connector.connect(node.address(),
                         new dev.mast.plan.SshSettings("root", node.port(), keyFile.toString()))) {
                for (int i = 0; i < 50; i++) {
                    connection.run(dev.mast.node.Command.idempotent("true"), LineSink.DISCARD);
                }
                int count = 1000;
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    connection.run(dev.mast.node.Command.idempotent("true"), LineSink.DISCARD);
                }
                return count / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static Thread heapSampler(AtomicLong peak) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getUsage().getUsed()).sum();
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "mast-bench-heap");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
