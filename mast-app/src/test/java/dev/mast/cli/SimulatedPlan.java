package dev.mast.cli;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.sim.ClientKeys;
import dev.mast.sim.Provisioning;
import dev.mast.sim.SimPlanWriter;
import dev.mast.sim.SimulatedCluster;
import dev.mast.sim.machine.SimTiming;
import dev.mast.sim.machine.SudoPolicy;
import java.nio.file.Path;
import java.security.KeyPair;

/** Simulated nodes with a plan file and a known_hosts file for them, for running the command line against. */
record SimulatedPlan(SimulatedCluster cluster, Path plan, Path knownHosts) implements AutoCloseable {

    static SimulatedPlan start(Path dir, int nodes, Provisioning provisioning) throws Exception {
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_ed25519");
        ClientKeys.write(keys, keyFile, "test");
        String version = KubernetesVersion.DEFAULT.toString();
        SimulatedCluster cluster = SimulatedCluster.builder().nodes(nodes).provisioning(provisioning)
                .runtime(ContainerRuntime.CONTAINERD).kubernetesVersion(version).sshUser("root", SudoPolicy.noPassword())
                .authorizedKey(keys.getPublic()).timing(SimTiming.fast()).workDir(dir.resolve("nodes")).start();
        Path knownHosts = dir.resolve("known_hosts");
        ClientKeys.writeKnownHosts(cluster.nodes(), knownHosts);
        Path plan = dir.resolve("cluster.yaml");
        SimPlanWriter.write(plan, SimPlanWriter.yaml(cluster, version, ContainerRuntime.CONTAINERD, "root", keyFile));
        return new SimulatedPlan(cluster, plan, knownHosts);
    }

    /** The admin kubeconfig an install leaves beside the plan. */
    Path adminKubeconfig() {
        return plan.resolveSibling("cluster-admin.conf");
    }

    @Override
    public void close() {
        cluster.close();
    }
}
