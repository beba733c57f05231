package dev.mast.sim;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Role;
import dev.mast.sim.machine.OsImage;
import dev.mast.sim.machine.SimTiming;
import dev.mast.sim.machine.SudoPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A simulated cluster: N nodes (node001, node002, ... on 127.0.0.2, 127.0.0.3, ...), the first
 * M of them masters and etcd members, one Kubernetes API (fabric8 mock, CRUD) and its TLS
 * endpoint on 127.0.0.1 (the plan's controlPlaneEndpoint). Build one with {@link #builder()};
 * {@link #close()} stops every node and releases every port and thread.
 */
public final class SimulatedCluster implements AutoCloseable {
    private static final int WORKLOAD_TICKS = 5;
    private final String name;
    private final List<SimulatedNode> nodes;
    private final ClusterApi api;
    private final ApiProxy proxy;
    private final SimExecutors executors;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final ScheduledFuture<?> watcher;
    private final LegacyCluster legacy;

    private SimulatedCluster(String name, List<SimulatedNode> nodes, ClusterApi api, ApiProxy proxy, SimExecutors executors,
                             Path workDir, boolean ownsWorkDir, ScheduledFuture<?> watcher, LegacyCluster legacy) {
        this.name = name;
        this.nodes = List.copyOf(nodes);
        this.api = api;
        this.proxy = proxy;
        this.executors = executors;
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
        this.watcher = watcher;
        this.legacy = legacy;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    public List<SimulatedNode> nodes() {
        return nodes;
    }

    public SimulatedNode node(String hostName) {
        return nodes.stream().filter(n -> n.hostName().equals(hostName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated node " + hostName));
    }

    public List<SimulatedNode> masters() {
        return nodes.stream().filter(n -> n.spec().has(Role.MASTER)).toList();
    }

    /** A client of the cluster's API that works whether or not an API server runs (for tests). */
    public KubernetesClient client() {
        return api.client();
    }

    /** The sites the nodes download from: cut them off from upstream, or put up a mirror, from a test. */
    public dev.mast.sim.internet.Internet internet() {
        return api.internet();
    }

    /** Whether an API server runs on some master, so the API endpoint answers. */
    public boolean apiServing() {
        return api.runningApiServer().isPresent();
    }

    /** {@code 127.0.0.1:PORT}: the TLS endpoint of the API. */
    public String controlPlaneEndpoint() {
        return "127.0.0.1:" + proxy.port();
    }

    public int apiPort() {
        return proxy.port();
    }

    public Path workDir() {
        return workDir;
    }

    /** For a legacy cluster, the admin kubeconfig of the old control plane (it holds a private key). */
    public Optional<String> legacyAdminKubeconfig() {
        return Optional.ofNullable(legacy).map(LegacyCluster::adminKubeconfig);
    }

    /**
     * For a legacy cluster whose installer kept its CA key off the nodes (Kismatic), the installer's
     * files by their path under its folder ({@code generated/keys/ca.pem}, ...); empty otherwise.
     */
    public Map<String, String> legacyInstallerFiles() {
        return Optional.ofNullable(legacy).flatMap(LegacyCluster::installerFiles).orElse(Map.of());
    }

    /** The service-account token the old cluster issued before Mast (what a script outside the cluster holds), if any. */
    public Optional<String> legacyToken() {
        return Optional.ofNullable(legacy).flatMap(l -> l.records().tokens().stream().findFirst()).map(t -> t.jwt());
    }

    /** The cluster's pod network, as its layout sets it (a fresh cluster gets kubeadm's). */
    public String podCidr() {
        return legacy == null ? KubeadmLegacy.POD_CIDR : legacy.podCidr();
    }

    public String serviceCidr() {
        return legacy == null ? KubeadmLegacy.SERVICE_CIDR : legacy.serviceCidr();
    }

    @Override
    public void close() {
        watcher.cancel(false);
        proxy.close();
        nodes.parallelStream().forEach(SimulatedNode::close);
        api.close();
        executors.close();
        if (ownsWorkDir) {
            deleteTree(workDir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }

    /** How to build a simulated cluster. */
    public static final class Builder {
        private String name = "sim";
        private int nodeCount = 1;
        private Integer masters;
        private Provisioning provisioning = Provisioning.FRESH;
        private ContainerRuntime runtime = ContainerRuntime.CONTAINERD;
        private String kubernetesVersion = KubernetesVersion.DEFAULT.toString();
        private String sshUser = "root";
        private SudoPolicy sudo = SudoPolicy.noPassword();
        private PublicKey authorizedKey;
        private SimTiming timing = SimTiming.demo();
        private Path workDir;
        private int apiPort;
        private OsImage os = OsImage.DEBIAN_12;
        private UnaryOperator<NodeSpec> customize = UnaryOperator.identity();
        private LegacyLayout layout = LegacyLayout.KUBEADM;

        private Builder() {
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder nodes(int value) {
            if (value < 1 || value > 60000) {
                throw new IllegalArgumentException("a simulated cluster has 1 to 60000 nodes, not " + value);
            }
            nodeCount = value;
            return this;
        }

        /** Masters (also etcd members); by default 1 below 3 nodes, else 3. */
        public Builder masters(int value) {
            masters = value;
            return this;
        }

        public Builder provisioning(Provisioning value) {
            provisioning = value;
            return this;
        }

        public Builder runtime(ContainerRuntime value) {
            runtime = value;
            return this;
        }

        public Builder kubernetesVersion(String value) {
            kubernetesVersion = value;
            return this;
        }

        /** The user that logs in, and what sudo asks of it (ignored for root). */
        public Builder sshUser(String user, SudoPolicy policy) {
            sshUser = user;
            sudo = policy;
            return this;
        }

        /** The only public key the nodes accept. */
        public Builder authorizedKey(PublicKey value) {
            authorizedKey = value;
            return this;
        }

        public Builder timing(SimTiming value) {
            timing = value;
            return this;
        }

        /** Where the nodes' roots live; a temporary folder (deleted on close) when not set. */
        public Builder workDir(Path value) {
            workDir = value;
            return this;
        }

        /** The API endpoint's port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder apiPort(int value) {
            apiPort = value;
            return this;
        }

        /** How a {@link Provisioning#LEGACY_SYSTEMD} cluster was set up (default: kubeadm's paths). */
        public Builder layout(LegacyLayout value) {
            layout = value;
            return this;
        }

        public Builder os(OsImage value) {
            os = value;
            return this;
        }

        /** Changes each node's spec before it starts (swap on, clock skew, another OS...). */
        public Builder customize(UnaryOperator<NodeSpec> value) {
            customize = value;
            return this;
        }

        public SimulatedCluster start() throws IOException {
            Objects.requireNonNull(authorizedKey, "a simulated cluster needs the public key its nodes accept");
            int masterCount = masters != null ? masters : nodeCount < 3 ? 1 : 3;
            if (masterCount < 1 || masterCount > nodeCount) {
                throw new IllegalArgumentException("masters must be between 1 and " + nodeCount + ", not " + masterCount);
            }
            return ClusterStarter.start(this, specs(masterCount));
        }

        private List<NodeSpec> specs(int masterCount) {
            List<NodeSpec> specs = new ArrayList<>();
            for (int i = 0; i < nodeCount; i++) {
                EnumSet<Role> roles = i < masterCount ? EnumSet.of(Role.ETCD, Role.MASTER) : EnumSet.of(Role.WORKER);
                specs.add(customize.apply(new NodeSpec(String.format("node%03d", i + 1), address(i), roles, sshUser, sudo, os, 2,
                        false, Duration.ZERO, provisioning, runtime, kubernetesVersion)));
            }
            return specs;
        }

        /** 127.0.0.2, 127.0.0.3, ..., 127.0.0.254, 127.0.1.1, ...: never .0 or .255, never 127.0.0.1. */
        static String address(int index) {
            int k = index + 1;
            int block = k / 254;
            return "127." + (block >> 8) + "." + (block & 0xFF) + "." + (k % 254 + 1);
        }

        String name() {
            return name;
        }

        SimTiming timing() {
            return timing;
        }

        PublicKey authorizedKey() {
            return authorizedKey;
        }

        Path workDir() {
            return workDir;
        }

        int apiPort() {
            return apiPort;
        }

        Provisioning provisioning() {
            return provisioning;
        }

        LegacyLayout layout() {
            return layout;
        }

        /** The Kubernetes version the cluster's packages and programs are of. */
        public String kubernetesVersion() {
            return kubernetesVersion;
        }
    }

    static SimulatedCluster create(Builder builder, List<SimulatedNode> nodes, ClusterApi api, ApiProxy proxy, SimExecutors executors,
                                   Path workDir, boolean ownsWorkDir, LegacyCluster legacy) {
        // Watches (long-lived connections) end when the last API server goes away, as they would with a real one.
        java.util.concurrent.atomic.AtomicBoolean wasServing = new java.util.concurrent.atomic.AtomicBoolean();
        long tick = builder.timing().tick().toMillis();
        // The controllers' emulation lists workloads through the API: every few ticks is as often as a real one reacts.
        Workloads workloads = new Workloads(api);
        java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
        ScheduledFuture<?> watcher = executors.ticks().scheduleWithFixedDelay(() -> {
            boolean serving = api.runningApiServer().isPresent();
            if (wasServing.getAndSet(serving) && !serving) {
                proxy.closeConnections();
            }
            if (serving && ticks.incrementAndGet() % WORKLOAD_TICKS == 0) {
                workloads.sync();
            }
        }, tick, tick, TimeUnit.MILLISECONDS);
        return new SimulatedCluster(builder.name(), nodes, api, proxy, executors, workDir, ownsWorkDir, watcher, legacy);
    }
}
