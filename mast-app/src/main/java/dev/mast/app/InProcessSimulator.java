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
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;

/**
 * "Try a simulated cluster": starts simulated nodes inside the app (the demo harness, never a
 * real install's path) and returns a plan for them; they stop when the app exits or the next
 * simulation starts, each in a fresh folder of its own.
 */
final class InProcessSimulator implements SimulatedClusterStarter {
    private final AppFolders folders;
    private final SimulationFolders simulations;
    private final SimTiming timing;
    private SimulatedCluster running;
    private SimulationFolders.Held heldFolder;
    private boolean stopAtExit;

    InProcessSimulator(AppFolders folders) {
        this(folders, SimTiming.demo());
    }

    /** @param timing {@link SimTiming#demo()} in the app, slow enough to watch; tests run fast */
    InProcessSimulator(AppFolders folders, SimTiming timing) {
        this.folders = folders;
        this.simulations = new SimulationFolders(folders.simulatorDir());
        this.timing = timing;
    }

    @Override
    public synchronized Plan start(int nodes, boolean legacy) throws Exception {
        stopRunning();
        SimulationFolders.Held held = simulations.create();
        try {
            Plan plan = startIn(held.dir(), nodes, legacy);
            heldFolder = held;
            return plan;
        } catch (Exception | Error e) {
            stopRunning();
            held.close();
            throw e;
        }
    }

    private Plan startIn(Path dir, int nodes, boolean legacy) throws Exception {
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_ed25519");
        ClientKeys.write(keys, keyFile, "mast-simulated-cluster");
        String version = KubernetesVersion.DEFAULT.toString();
        running = SimulatedCluster.builder().nodes(nodes)
                .provisioning(legacy ? Provisioning.LEGACY_SYSTEMD : Provisioning.FRESH)
                .runtime(ContainerRuntime.CONTAINERD).kubernetesVersion(version).sshUser("root", SudoPolicy.noPassword())
                .authorizedKey(keys.getPublic()).timing(timing).workDir(dir.resolve("nodes")).start();
        if (!stopAtExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "mast-simulator-stop"));
            stopAtExit = true;
        }
        Path knownHosts = dir.resolve("known_hosts");
        ClientKeys.writeKnownHosts(running.nodes(), knownHosts);
        Plan plan = PlanFile.parse("simulated.yaml", SimPlanWriter.yaml(running, version, ContainerRuntime.CONTAINERD, "root", keyFile)).plan();
        folders.useKnownHosts(plan, knownHosts);
        // Each simulation has a CA of its own: its PKI lives in its own folder, never beside an earlier one's.
        folders.useSimulatedClusterDir(plan, dir.resolve("cluster"));
        return plan;
    }

    /** Stops the running simulation and removes its folder (its nodes' files are of no use to the next one). */
    synchronized void stopRunning() throws IOException {
        if (running != null) {
            running.close();
            running = null;
        }
        if (heldFolder != null) {
            heldFolder.close();
            heldFolder = null;
        }
    }

    private void stopQuietly() {
        try {
            stopRunning();
        } catch (IOException e) {
            // The next start removes what is left.
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
