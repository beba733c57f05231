package dev.mast.app;

import dev.mast.node.SshEnvironment;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.RunLog;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the desktop app keeps a cluster's PKI and admin kubeconfig (per cluster name, under
 * the user's data folder), and how each plan's nodes are reached: with the user's own SSH
 * settings, except for simulated clusters, whose host keys live with the simulator.
 */
public final class AppFolders {
    private final Path base;
    private final Map<String, Path> knownHostsByAddress = new ConcurrentHashMap<>();
    /** Simulated clusters by plan name: their PKI lives with the simulator, never with a real cluster's. */
    private final Map<String, Path> simulatedByName = new ConcurrentHashMap<>();

    public AppFolders(Path base) {
        this.base = base;
    }

    public static AppFolders standard() {
        return new AppFolders(RunLog.defaultBase().getParent().resolve("clusters"));
    }

    public Path pkiDir(Plan plan) {
        return clusterDir(plan).resolve("pki");
    }

    public Path adminKubeconfig(Plan plan) {
        return clusterDir(plan).resolve("admin.conf");
    }

    private Path clusterDir(Plan plan) {
        return simulatedByName.getOrDefault(plan.name(), base.resolve(plan.name()));
    }

    /**
     * What a connection to a plan's nodes brings besides the plan: for a real cluster the user's
     * ~/.ssh/config and ssh-agent, as ssh would; for a simulated one only the simulator's
     * known_hosts, so the user's settings never change where the demo connects.
     */
    public SshEnvironment ssh(Plan plan) {
        return plan.nodes().isEmpty() ? SshEnvironment.ofUser(null) : ssh(plan.nodes().get(0));
    }

    public SshEnvironment ssh(Node node) {
        Path simulated = knownHostsByAddress.get(node.ip() + ":" + node.ssh().port());
        return simulated != null ? SshEnvironment.isolated(simulated) : SshEnvironment.ofUser(null);
    }

    /** A simulated cluster's nodes: their keys are in the simulator's own file. */
    void useKnownHosts(Plan plan, Path file) {
        plan.nodes().forEach(node -> knownHostsByAddress.put(node.ip() + ":" + node.ssh().port(), file));
    }

    /** A simulated cluster's PKI and kubeconfig go to {@code dir}, which each new simulation starts empty. */
    void useSimulatedClusterDir(Plan plan, Path dir) {
        simulatedByName.put(plan.name(), dir);
    }

    Path simulatorDir() {
        return base.resolve("simulated");
    }
}
