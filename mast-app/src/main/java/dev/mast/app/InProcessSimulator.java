package dev.mast.app;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.sim.ClientKeys;
import dev.mast.sim.Provisioning;
import dev.mast.sim.SimPlanWriter;
import dev.mast.sim.SimulatedCluster;
import dev.mast.sim.machine.SimTiming;
import dev.mast.sim.machine.SudoPolicy;
import dev.mast.ui.SimulatedClusterStarter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/**
 * "Try a simulated cluster": starts simulated nodes inside the app (the demo harness, never a
 * real install's path) and returns a plan for them; they stop when the app exits.
 */
final class InProcessSimulator implements SimulatedClusterStarter {
    private final AppFolders folders;
    private final SimTiming timing;
    private SimulatedCluster running;

    InProcessSimulator(AppFolders folders) {
        this(folders, SimTiming.demo());
    }

    /** @param timing {@link SimTiming#demo()} in the app, slow enough to watch; tests run fast */
    InProcessSimulator(AppFolders folders, SimTiming timing) {
        this.folders = folders;
        this.timing = timing;
    }

    @Override
    public synchronized Plan start(int nodes, boolean legacy) throws Exception {
        if (running != null) {
            running.close();
        }
        Path dir = Files.createDirectories(folders.simulatorDir());
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_ed25519");
        Files.deleteIfExists(keyFile);
        ClientKeys.write(keys, keyFile, "mast-simulated-cluster");
        String version = KubernetesVersion.DEFAULT.toString();
        running = SimulatedCluster.builder().nodes(nodes)
                .provisioning(legacy ? Provisioning.LEGACY_SYSTEMD : Provisioning.FRESH)
                .runtime(ContainerRuntime.CONTAINERD).kubernetesVersion(version).sshUser("root", SudoPolicy.noPassword())
                .authorizedKey(keys.getPublic()).timing(timing).workDir(dir.resolve("nodes")).start();
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "mast-simulator-stop"));
        Path knownHosts = dir.resolve("known_hosts");
        ClientKeys.writeKnownHosts(running.nodes(), knownHosts);
        Plan plan = PlanFile.parse("simulated.yaml", SimPlanWriter.yaml(running, version, ContainerRuntime.CONTAINERD, "root", keyFile)).plan();
        folders.useKnownHosts(plan, knownHosts);
        // A new simulation has a new CA (a legacy one its own): a PKI folder of an earlier one would be refused.
        Path cluster = dir.resolve("cluster");
        deleteTree(cluster);
        folders.useSimulatedClusterDir(plan, cluster);
        return plan;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The running simulation, for tests that inject faults into its nodes. */
    synchronized SimulatedCluster running() {
        if (running == null) {
            throw new IllegalStateException("no simulated cluster has been started");
        }
        return running;
    }
}
