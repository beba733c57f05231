package dev.mast.app;

import dev.mast.node.KnownHosts;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.RunLog;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the desktop app keeps a cluster's PKI and admin kubeconfig (per cluster name, under
 * the user's data folder), and which known_hosts file each plan's nodes are checked against:
 * the user's own, except for simulated clusters, whose host keys live with the simulator.
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

    /** The known_hosts file for a plan's nodes (all of a plan's nodes share one). */
    public Path knownHosts(Plan plan) {
        return plan.nodes().isEmpty() ? KnownHosts.defaultFile() : knownHosts(plan.nodes().get(0));
    }

    public Path knownHosts(Node node) {
        return knownHostsByAddress.getOrDefault(node.ip() + ":" + node.ssh().port(), KnownHosts.defaultFile());
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
