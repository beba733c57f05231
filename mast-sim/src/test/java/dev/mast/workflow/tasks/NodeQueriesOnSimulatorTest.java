package dev.mast.workflow.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.files.NodeFile;
import dev.mast.sim.ClientKeys;
import dev.mast.sim.Provisioning;
import dev.mast.sim.SimPlanWriter;
import dev.mast.sim.SimulatedCluster;
import dev.mast.sim.machine.SimTiming;
import dev.mast.sim.machine.SudoPolicy;
import dev.mast.workflow.Remote;
import dev.mast.workflow.SshRemote;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The questions phases ask a node about many packages, images or units at once get every answer
 * right from one command, on a node with either container runtime (a real SSH server with the
 * simulator's dpkg, rpm, systemctl, crictl and docker behind it).
 */
class NodeQueriesOnSimulatorTest {

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void answersForManyPackagesImagesAndUnitsInOneRoundTripEach(ContainerRuntime runtime, @TempDir Path dir) throws Exception {
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_ed25519");
        ClientKeys.write(keys, keyFile, "test");
        String version = KubernetesVersion.DEFAULT.toString();
        try (SimulatedCluster cluster = SimulatedCluster.builder().nodes(1).masters(1).provisioning(Provisioning.FRESH_WITH_RUNTIME)
                .runtime(runtime).kubernetesVersion(version).sshUser("root", SudoPolicy.noPassword()).authorizedKey(keys.getPublic())
                .timing(SimTiming.fast()).workDir(dir.resolve("nodes")).start()) {
            Path knownHosts = dir.resolve("known_hosts");
            ClientKeys.writeKnownHosts(cluster.nodes(), knownHosts);
            Plan plan = PlanFile.parse("sim.yaml", SimPlanWriter.yaml(cluster, version, runtime, "root", keyFile)).plan();
            try (NodeConnector connector = new NodeConnector(CredentialPrompt.refusing(), knownHosts);
                 CountingRemote remote = new CountingRemote(new SshRemote(connector.connect(plan.nodes().get(0)), (level, line) -> { }))) {
                List<String> runtimePackages = runtime == ContainerRuntime.DOCKER ? List.of("docker.io", "cri-dockerd") : List.of("containerd");
                List<String> runtimeUnits = runtime == ContainerRuntime.DOCKER ? List.of("docker", "cri-docker") : List.of("containerd");

                List<String> asked = new ArrayList<>(List.of("etcd-client"));
                asked.addAll(runtimePackages);
                asked.add("etcd-server");
                assertEquals(List.of("etcd-client", "etcd-server"), remote.counting(() -> Packages.missing(remote, asked)));

                assertTrue(remote.counting(() -> Systemd.areActive(remote, runtimeUnits)));
                List<String> withKubelet = new ArrayList<>(runtimeUnits);
                withKubelet.add("kubelet");
                assertFalse(remote.counting(() -> Systemd.areActive(remote, withKubelet)), "kubelet is not active, though the runtime is");

                Packages.ensureInstalled(remote, List.of("etcd-server", "etcd-client"));
                assertEquals(List.of(), remote.counting(() -> Packages.missing(remote, asked)));

                // crictl comes from Kubernetes' repository.
                remote.run("curl -fsSL -o /etc/apt/keyrings/k.asc https://pkgs.k8s.io/core:/stable:/v1.34/deb/Release.key"
                        + " && echo 'deb [signed-by=/etc/apt/keyrings/k.asc] https://pkgs.k8s.io/core:/stable:/v1.34/deb/ /'"
                        + " > /etc/apt/sources.list.d/k.list && apt-get update && apt-get install -y cri-tools");
                String pause = "registry.k8s.io/pause:3.10.1";
                String apiserver = "registry.k8s.io/kube-apiserver:" + plan.version().tag();
                String proxy = "registry.k8s.io/kube-proxy:" + plan.version().tag();
                remote.run((runtime == ContainerRuntime.DOCKER ? "docker pull " : "crictl pull ") + apiserver);
                assertEquals(List.of(pause, proxy), remote.counting(() -> Images.missing(remote, runtime, List.of(pause, apiserver, proxy))));
                assertEquals(List.of(), remote.counting(() -> Images.missing(remote, runtime, List.of(apiserver))));

            }
        }
    }

    /** Counts the commands a question sends. */
    private static final class CountingRemote implements Remote {
        private final Remote delegate;
        private final AtomicInteger commands = new AtomicInteger();

        CountingRemote(Remote delegate) {
            this.delegate = delegate;
        }

        interface Question<T> {
            T ask() throws Exception;
        }

        /** Asks and checks that it took exactly one command. */
        <T> T counting(Question<T> question) throws Exception {
            int before = commands.get();
            T answer = question.ask();
            assertEquals(1, commands.get() - before, "commands for one question");
            return answer;
        }

        @Override
        public Output query(String script) throws Exception {
            commands.incrementAndGet();
            return delegate.query(script);
        }

        @Override
        public Output exec(String script) throws Exception {
            commands.incrementAndGet();
            return delegate.exec(script);
        }

        @Override
        public void write(NodeFile file) throws Exception {
            delegate.write(file);
        }

        @Override
        public Optional<byte[]> read(String path) throws Exception {
            return delegate.read(path);
        }

        @Override
        public String target() {
            return delegate.target();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
