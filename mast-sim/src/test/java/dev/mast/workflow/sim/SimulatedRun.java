package dev.mast.workflow.sim;

import dev.mast.manifest.ManifestSet;
import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Node;
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
import dev.mast.workflow.ClusterPkiAdoption;
import dev.mast.workflow.InstallWorkflow;
import dev.mast.workflow.LazyCluster;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.Remote;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.SshRemote;
import dev.mast.workflow.StepState;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.UpgradeWorkflow;
import dev.mast.workflow.Workflow;
import dev.mast.workflow.WorkflowRunner;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
    final Path knownHosts;
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    private final NodeConnector connector;

    private SimulatedRun(SimulatedCluster cluster, Plan plan, Path pkiDir, Path knownHosts) {
        this.cluster = cluster;
        this.plan = plan;
        this.pkiDir = pkiDir;
        this.knownHosts = knownHosts;
        this.connector = new NodeConnector(CredentialPrompt.refusing(), knownHosts);
    }

    static SimulatedRun start(Path dir, int nodes, int masters, Provisioning provisioning, ContainerRuntime runtime) throws Exception {
        return start(dir, nodes, masters, provisioning, runtime, java.util.function.UnaryOperator.identity());
    }

    /** As above, with each node's set-up changed by {@code customize} (swap on, a skewed clock, ...). */
    static SimulatedRun start(Path dir, int nodes, int masters, Provisioning provisioning, ContainerRuntime runtime,
                              java.util.function.UnaryOperator<dev.mast.sim.NodeSpec> customize) throws Exception {
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_ed25519");
        ClientKeys.write(keys, keyFile, "test");
        String version = KubernetesVersion.DEFAULT.toString();
        SimulatedCluster cluster = SimulatedCluster.builder().nodes(nodes).masters(masters).provisioning(provisioning)
                .runtime(runtime).kubernetesVersion(version).sshUser("root", SudoPolicy.noPassword())
                .authorizedKey(keys.getPublic()).timing(SimTiming.fast()).workDir(dir.resolve("nodes")).customize(customize).start();
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

    RenderedCluster render() {
        return ClusterRenderer.render(plan, pkiDir);
    }

    RunSummary install() {
        return run(rendered -> InstallWorkflow.create(rendered, api(rendered), TIMEOUTS, Clock.systemUTC()), Set.of());
    }

    RunSummary upgrade() throws Exception {
        try (Remote master = remote(plan.masters().get(0))) {
            ClusterPkiAdoption.adopt(master, pkiDir);
        }
        return run(rendered -> UpgradeWorkflow.create(rendered, ManifestSet::filesFor, api(rendered), TIMEOUTS), Set.of());
    }

    private final List<LazyCluster> apis = new CopyOnWriteArrayList<>();

    private LazyCluster api(RenderedCluster rendered) {
        LazyCluster api = new LazyCluster(rendered.superAdminKubeconfig());
        apis.add(api);
        return api;
    }

    RunSummary run(java.util.function.Function<RenderedCluster, Workflow> workflow, Set<String> onlyNodes) {
        events.clear();
        var runner = new WorkflowRunner(workflow.apply(render()), plan, SshRemote.factory(connector), events::add,
                new WorkflowRunner.Options(WorkflowRunner.DEFAULT_CONCURRENCY, Clock.systemUTC()));
        return runner.run(onlyNodes);
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
        apis.forEach(LazyCluster::close);
        connector.close();
        cluster.close();
    }
}
