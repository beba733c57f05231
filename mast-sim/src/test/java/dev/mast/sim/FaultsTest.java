package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ContainerRuntime;
import dev.mast.sim.machine.Process;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of injected fault, as a client of the node sees it. */
class FaultsTest {
    @TempDir
    Path tmp;

    @Test
    void aMatchingCommandFailsWithTheGivenStatusAndMessage() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            sim.node("node001").faults().failCommand("^apt-get install .*kubelet", 100, "E: Failed to fetch kubelet");
            sim.run(PackagesTest.KUBERNETES_APT_SOURCE);
            SshTestClient.Result failed = sim.exec("apt-get update && apt-get install -y kubelet");
            assertEquals(100, failed.status());
            assertEquals("E: Failed to fetch kubelet\n", failed.err());
            assertEquals(1, sim.exec("dpkg -s kubelet").status());
            assertEquals(0, sim.exec("apt-get install -y kubectl").status());

            sim.node("node001").faults().failCommand("^hostname$", 1, "hostname: flaky", 1);
            assertEquals(1, sim.exec("hostname").status());
            assertEquals("node001\n", sim.run("hostname"));
        }
    }

    @Test
    void theNodeDropsItsConnectionOnceAndAcceptsTheNextOne() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            sim.node("node001").faults().dropConnectionAfter(2);
            assertEquals("1\n", sim.run("echo 1"));
            assertEquals("2\n", sim.run("echo 2"));
            SshTestClient client = sim.ssh("node001");
            assertThrows(IOException.class, () -> {
                SshTestClient.Result result = client.exec("echo 3");
                if (result.status() == -1) {
                    throw new IOException("no exit status: the connection dropped");
                }
            });
            SimFixture.await("the client sees the connection closed", () -> !client.isConnected());
            assertEquals("4\n", sim.run("echo 4"), "a new connection works");
            assertEquals("5\n", sim.run("echo 5"), "the fault happened once");

            sim.node("node001").faults().dropConnectionOnce();
            assertThrows(IOException.class, () -> {
                if (sim.exec("true").status() == -1) {
                    throw new IOException("dropped");
                }
            });
        }
    }

    @Test
    void aComponentThatNeverBecomesHealthyCrashLoopsAsAStaticPodButRunsAsAService() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.LEGACY_SYSTEMD))) {
            sim.node("node001").faults().neverHealthy("kube-scheduler", Process.Form.STATIC_POD);
            sim.run("systemctl stop kube-scheduler && crictl pull registry.k8s.io/kube-scheduler:v1.34.3");
            Manifests.put(sim, "node001", "/etc/kubernetes/manifests/kube-scheduler.yaml", Manifests.scheduler("--v=2", true), "0600");
            SimFixture.await("the static pod crash-loops", () -> {
                Pod pod = sim.cluster.client().pods().inNamespace("kube-system").withName("kube-scheduler-node001").get();
                return pod != null && pod.getStatus().getContainerStatuses().get(0).getRestartCount() >= 2;
            });
            assertEquals(7, sim.exec("curl -sk https://127.0.0.1:10259/healthz").status());
            sim.run("rm -f /etc/kubernetes/manifests/kube-scheduler.yaml && systemctl start kube-scheduler");
            SimFixture.await("the service answers again", () -> {
                try {
                    return sim.exec("curl -sk https://127.0.0.1:10259/healthz").status() == 0;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });

            sim.node("node001").faults().neverHealthy("kube-apiserver");
            SshTestClient.Result restart = sim.exec("systemctl restart kube-apiserver");
            assertEquals(1, restart.status());
            assertTrue(restart.err().contains("Job for kube-apiserver.service failed"), restart.err());
            assertEquals(7, sim.exec("curl -sk https://127.0.0.1:6443/healthz").status());
            sim.node("node001").faults().healthy("kube-apiserver");
            SimFixture.await("systemd restarts the API server once it can work", () -> {
                try {
                    return sim.exec("curl -sk https://127.0.0.1:6443/healthz").status() == 0;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    @Test
    void anImagePullFailsForBothRuntimes() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.FRESH_WITH_RUNTIME)
                .runtime(ContainerRuntime.DOCKER))) {
            sim.run(PackagesTest.KUBERNETES_APT_SOURCE + " && apt-get install -y cri-tools && printf 'runtime-endpoint: unix:///run/cri-dockerd.sock\\n' > /etc/crictl.yaml");
            sim.node("node001").faults().failImagePull("kube-apiserver");
            SshTestClient.Result crictl = sim.exec("crictl pull registry.k8s.io/kube-apiserver:v1.34.3");
            assertEquals(1, crictl.status());
            assertTrue(crictl.err().contains("failed to pull and unpack image \"registry.k8s.io/kube-apiserver:v1.34.3\""), crictl.err());
            SshTestClient.Result docker = sim.exec("docker pull registry.k8s.io/kube-apiserver:v1.34.3");
            assertEquals(1, docker.status());
            assertTrue(docker.err().contains("manifest unknown"), docker.err());
            assertEquals("", sim.run("docker images -q registry.k8s.io/kube-apiserver:v1.34.3"));
            assertEquals(0, sim.exec("docker pull registry.k8s.io/kube-proxy:v1.34.3").status());
        }
    }

    @Test
    void slowAndDelayedNodesWaitBeforeEachCommand() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            sim.node("node001").faults().fixedDelay(Duration.ofMillis(300));
            long start = System.nanoTime();
            sim.run("true");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300, "the command waited for the injected delay");
            sim.node("node001").faults().clear();
            sim.node("node001").faults().slowNode(Duration.ofMillis(400));
            start = System.nanoTime();
            sim.run("true");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 200, "a slow node waits at least half its delay");
        }
    }
}
