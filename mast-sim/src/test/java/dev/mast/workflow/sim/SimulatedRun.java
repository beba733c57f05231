package dev.mast.workflow.sim;

import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.sim.ClientKeys;
import dev.mast.sim.Provisioning;
import dev.mast.sim.SimPlanWriter;
import dev.mast.sim.SimulatedCluster;
import dev.mast.sim.SimulatedNode;
import dev.mast.sim.machine.SimTiming;
import dev.mast.sim.machine.SudoPolicy;
import dev.mast.workflow.run.ClusterRun;
import dev.mast.workflow.DryRunReport;
import dev.mast.workflow.tasks.ClusterCa;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.ProgressListener;
import dev.mast.workflow.Remote;
import dev.mast.workflow.RemoteFactory;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.SshRemote;
import dev.mast.workflow.StepState;
import dev.mast.workflow.Timeouts;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulated cluster with a plan for it, and Mast's real install and upgrade run against it
 * over SSH: the same renderer, workflows, SSH layer and fabric8 client as a real run.
 */
final class SimulatedRun implements AutoCloseable {
    static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(8), Duration.ofMillis(100));

    final SimulatedCluster cluster;
    Plan plan;
    final Path pkiDir;
    final Path adminKubeconfig;
    final Path knownHosts;
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    private final NodeConnector connector;

    private SimulatedRun(SimulatedCluster cluster, Plan plan, Path pkiDir, Path knownHosts) {
        this.cluster = cluster;
        this.plan = plan;
        this.pkiDir = pkiDir;
        this.adminKubeconfig = pkiDir.resolveSibling("admin.conf");
        this.knownHosts = knownHosts;
        this.connector = new NodeConnector(CredentialPrompt.refusing(), knownHosts);
    }

    static SimulatedRun start(Path dir, int nodes, int masters, Provisioning provisioning, ContainerRuntime runtime) throws Exception {
        return start(dir, nodes, masters, provisioning, runtime, java.util.function.UnaryOperator.identity());
    }

    /** As above, with each node's set-up changed by {@code customize} (swap on, a skewed clock, ...). */
    static SimulatedRun start(Path dir, int nodes, int masters, Provisioning provisioning, ContainerRuntime runtime,
                              java.util.function.UnaryOperator<dev.mast.sim.NodeSpec> customize) throws Exception {
        return start(dir, nodes, masters, provisioning, runtime, customize, b -> b);
    }

    /** A legacy cluster laid out as {@code layout}, at the given Kubernetes version. */
    static SimulatedRun legacy(Path dir, int nodes, int masters, dev.mast.sim.LegacyLayout layout, String version) throws Exception {
        return start(dir, nodes, masters, Provisioning.LEGACY_SYSTEMD, ContainerRuntime.CONTAINERD,
                java.util.function.UnaryOperator.identity(), b -> b.layout(layout).kubernetesVersion(version));
    }

    private static SimulatedRun start(Path dir, int nodes, int masters, Provisioning provisioning, ContainerRuntime runtime,
                                      java.util.function.UnaryOperator<dev.mast.sim.NodeSpec> customize,
                                      java.util.function.UnaryOperator<SimulatedCluster.Builder> configure) throws Exception {
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_ed25519");
        ClientKeys.write(keys, keyFile, "test");
        SimulatedCluster.Builder builder = configure.apply(SimulatedCluster.builder().nodes(nodes).masters(masters)
                .provisioning(provisioning).runtime(runtime).kubernetesVersion(KubernetesVersion.DEFAULT.toString())
                .sshUser("root", SudoPolicy.noPassword()).authorizedKey(keys.getPublic()).timing(SimTiming.fast())
                .workDir(dir.resolve("nodes")).customize(customize));
        String version = builder.kubernetesVersion();
        SimulatedCluster cluster = builder.start();
        Path knownHosts = dir.resolve("known_hosts");
        ClientKeys.writeKnownHosts(cluster.nodes(), knownHosts);
        Plan plan = PlanFile.parse("sim.yaml", SimPlanWriter.yaml(cluster, version, runtime, "root", keyFile)).plan();
        return new SimulatedRun(cluster, plan, dir.resolve("pki"), knownHosts);
    }

    /** Runs from now on with another plan for the same nodes (other sources, another version). */
    void usePlan(Plan value) {
        plan = value;
    }

    static boolean isReady(io.fabric8.kubernetes.api.model.Pod pod) {
        return "Running".equals(pod.getStatus().getPhase())
                && pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    RunSummary install() {
        return run(ClusterRun.Kind.INSTALL, Set.of());
    }

    /**
     * The upgrade as {@code mast upgrade} runs it: the cluster's CA taken from the first master when
     * a master has its key, else the old cluster's admin kubeconfig to watch the API with (as
     * {@code --kubeconfig} gives it, once Mast said the key is on no master).
     */
    RunSummary upgrade() throws Exception {
        return upgrade(plan);
    }

    RunSummary upgrade(Plan upgradePlan) throws Exception {
        return run(upgradeRequest(upgradePlan), Set.of());
    }

    /** The upgrade of {@code upgradePlan} as {@link #upgrade} asks for it. */
    ClusterRun.Request upgradeRequest(Plan upgradePlan) throws Exception {
        Node first = upgradePlan.masters().get(0);
        ClusterRun.Request request = request(upgradePlan, ClusterRun.Kind.UPGRADE, List.of());
        try (Remote master = remote(first)) {
            if (ClusterCa.read(master, first.hostName(), pkiDir).missingKey().isPresent()) {
                request = request.withClusterKubeconfig(cluster.legacyAdminKubeconfig().orElseThrow());
            }
        }
        return request;
    }

    /** The nodes over SSH, as a run reaches them. */
    RemoteFactory ssh() {
        return SshRemote.factory(connector);
    }

    /** A run as {@code mast install} or {@code mast upgrade} makes it, on the named nodes (all when empty). */
    RunSummary run(ClusterRun.Kind kind, Set<String> onlyNodes) {
        return run(kind, onlyNodes, List.of());
    }

    /** As above, with only the named phases and those they need ({@code --only}). */
    RunSummary run(ClusterRun.Kind kind, Set<String> onlyNodes, List<String> onlyPhases) {
        return run(request(plan, kind, onlyPhases), onlyNodes);
    }

    private ClusterRun.Request request(Plan runPlan, ClusterRun.Kind kind, List<String> onlyPhases) {
        return ClusterRun.Request.of(runPlan, kind, pkiDir, adminKubeconfig).withTimeouts(TIMEOUTS).withPhases(onlyPhases, List.of());
    }

    private RunSummary run(ClusterRun.Request request, Set<String> onlyNodes) {
        events.clear();
        try (ClusterRun run = ClusterRun.overSsh(request, connector)) {
            return run.run(onlyNodes, events::add);
        }
    }

    /** What {@link #run} asks for, to change before {@link #run(ClusterRun.Request, ProgressListener)}. */
    ClusterRun.Request request(ClusterRun.Kind kind) {
        return request(plan, kind, List.of());
    }

    /** As {@link #run(ClusterRun.Request, ProgressListener)}, each node reached through what {@code between} makes of SSH. */
    RunSummary runThrough(ClusterRun.Request request, ProgressListener listener, UnaryOperator<RemoteFactory> between) {
        try (ClusterRun run = ClusterRun.over(request, between.apply(SshRemote.factory(connector)))) {
            return run.run(Set.of(), listener);
        }
    }

    /** What {@code mast install|upgrade --dry-run} reports for the cluster as it is now. */
    DryRunReport dryRun(ClusterRun.Kind kind) {
        return dryRun(request(kind));
    }

    /** What a dry run of {@code request} reports. */
    DryRunReport dryRun(ClusterRun.Request request) {
        DryRunReport report = new DryRunReport();
        try (ClusterRun run = ClusterRun.dryRun(request, java.util.Optional.of(connector))) {
            run.run(Set.of(), report);
        }
        return report;
    }

    /** A run of its own, heard by {@code listener} only: {@link #events} keeps the last run of the methods above. */
    RunSummary run(ClusterRun.Request request, ProgressListener listener) {
        try (ClusterRun run = ClusterRun.overSsh(request, connector)) {
            return run.run(Set.of(), listener);
        }
    }

    /** The states a phase reached on a node in the last run. */
    List<StepState> states(String node, String phase) {
        return events.stream().filter(e -> e instanceof ProgressEvent.StepChanged s && s.node().equals(node) && s.phase().equals(phase))
                .map(e -> ((ProgressEvent.StepChanged) e).state()).toList();
    }

    /** Every final state of the last run, e.g. to check a re-run skipped everything. */
    List<StepState> finalStates() {
        return events.stream().filter(e -> e instanceof ProgressEvent.StepChanged s && s.state().isFinal())
                .map(e -> ((ProgressEvent.StepChanged) e).state()).toList();
    }

    /** The phases that ended in the given state on any node in the last run. */
    Set<String> phasesThatRan(StepState state) {
        return events.stream().filter(e -> e instanceof ProgressEvent.StepChanged s && s.state() == state)
                .map(e -> ((ProgressEvent.StepChanged) e).phase()).collect(java.util.stream.Collectors.toSet());
    }

    String log(String node) {
        return String.join("\n", events.stream().filter(e -> e instanceof ProgressEvent.LogLine l && l.node().equals(node))
                .map(e -> ((ProgressEvent.LogLine) e).text()).toList());
    }

    Remote remote(Node node) throws Exception {
        return new SshRemote(connector.connect(node), (level, line) -> { });
    }

    /** Runs a command on the node over SSH, as a person checking it would. */
    Remote.Output sh(String hostName, String command) throws Exception {
        Node node = plan.nodes().stream().filter(n -> n.hostName().equals(hostName)).findFirst().orElseThrow();
        try (Remote remote = remote(node)) {
            return remote.exec(command);
        }
    }

    SimulatedNode node(String hostName) {
        return cluster.node(hostName);
    }

    @Override
    public void close() {
        connector.close();
        cluster.close();
    }
}
