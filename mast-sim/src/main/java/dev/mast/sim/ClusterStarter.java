package dev.mast.sim;

import dev.mast.plan.Role;
import dev.mast.sim.commands.Commands;
import dev.mast.sim.machine.Process;
import dev.mast.sim.machine.UnitState;
import dev.mast.sim.shell.CommandTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Brings a cluster up: the API and its endpoint, the nodes (a few at a time), and for a legacy
 * cluster its services in dependency order (etcd everywhere first, then the rest) until each
 * is active. On failure, whatever started is stopped again.
 */
final class ClusterStarter {
    private static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(120);

    private ClusterStarter() {
    }

    static SimulatedCluster start(SimulatedCluster.Builder builder, List<NodeSpec> specs) throws IOException {
        boolean ownsWorkDir = builder.workDir() == null;
        Path workDir = ownsWorkDir ? Files.createTempDirectory("mast-sim-") : Files.createDirectories(builder.workDir());
        SimExecutors executors = new SimExecutors();
        ClusterApi api = new ClusterApi();
        ApiProxy proxy = null;
        List<SimulatedNode> nodes = new ArrayList<>();
        try {
            proxy = new ApiProxy(builder.apiPort(), api.backendPort(), api::endpointServer, new PodLogEndpoint(api), executors.commands());
            LegacyCluster legacy = builder.provisioning() == Provisioning.LEGACY_SYSTEMD
                    ? LegacyCluster.create(builder.layout(), builder.name(), "https://127.0.0.1:" + proxy.port(), specs) : null;
            CommandTable commands = Commands.table();
            startNodes(specs, workDir, builder, api, executors, commands, legacy, nodes);
            if (legacy != null) {
                LegacyData.store(api, legacy.records());
            }
            startServices(nodes, legacy);
            return SimulatedCluster.create(builder, nodes, api, proxy, executors, workDir, ownsWorkDir, legacy);
        } catch (IOException | RuntimeException e) {
            nodes.forEach(SimulatedNode::close);
            if (proxy != null) {
                proxy.close();
            }
            api.close();
            executors.close();
            throw e;
        }
    }

    private static void startNodes(List<NodeSpec> specs, Path workDir, SimulatedCluster.Builder builder, ClusterApi api,
                                   SimExecutors executors, CommandTable commands, LegacyCluster legacy,
                                   List<SimulatedNode> started) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, specs.size()));
        try {
            List<Future<SimulatedNode>> futures = new ArrayList<>();
            for (NodeSpec spec : specs) {
                SimulatedNode.Context context = new SimulatedNode.Context(workDir.resolve(spec.hostName()), builder.timing(), api,
                        builder.authorizedKey(), executors, commands, legacy);
                futures.add(pool.submit(() -> SimulatedNode.start(spec, context)));
            }
            IOException failure = null;
            for (Future<SimulatedNode> future : futures) {
                try {
                    SimulatedNode node = future.get();
                    started.add(node);
                    api.add(node);
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause() instanceof IOException io ? io
                            : new IOException("a simulated node failed to start: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting simulated nodes", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts what each node runs, etcd members first (the API servers need them), and waits until all of it is active. */
    private static void startServices(List<SimulatedNode> nodes, LegacyCluster legacy) throws IOException {
        if (legacy != null) {
            List<SimulatedNode> etcd = nodes.stream().filter(n -> n.spec().has(Role.ETCD)).toList();
            etcd.forEach(node -> legacy.etcdServices(node.spec()).forEach(service -> node.machine().systemd().start(service)));
            awaitActive(etcd, node -> legacy.etcdServices(node.spec()));
        }
        for (SimulatedNode node : nodes) {
            services(node, legacy).forEach(service -> node.machine().systemd().start(service));
        }
        awaitActive(nodes, node -> services(node, legacy));
    }

    private static List<String> services(SimulatedNode node, LegacyCluster legacy) {
        List<String> services = new ArrayList<>();
        if (node.spec().provisioning() != Provisioning.FRESH && (legacy == null || legacy.hasRuntime(node.spec()))) {
            services.addAll(BaseSystem.runtimeServices(node.runtime()));
        }
        if (legacy != null) {
            services.addAll(legacy.services(node.spec()));
        }
        return services;
    }

    private static void awaitActive(List<SimulatedNode> nodes, Function<SimulatedNode, List<String>> services) throws IOException {
        Instant deadline = Instant.now().plus(SERVICES_TIMEOUT);
        for (SimulatedNode node : nodes) {
            for (String service : services.apply(node)) {
                while (true) {
                    UnitState state = node.machine().systemd().state(service);
                    Process process = state.process();
                    if (state.active() == UnitState.Active.ACTIVE && process != null && process.state() == Process.State.RUNNING) {
                        break;
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw new IOException(service + " on " + node.hostName() + " did not become active: " + state.active().word()
                                + (process == null || process.error().isEmpty() ? "" : " (" + process.error() + ")"));
                    }
                    try {
                        Thread.sleep(Math.max(10, node.machine().timing().tick().toMillis() / 2));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while starting " + service + " on " + node.hostName(), e);
                    }
                }
            }
        }
    }
}
