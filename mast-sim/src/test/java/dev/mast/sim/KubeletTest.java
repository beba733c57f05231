package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated kubelet on a legacy node: static pods from manifests, their containers, health and mirror pods. */
class KubeletTest {
    private static final String MANIFEST = "/etc/kubernetes/manifests/kube-scheduler.yaml";

    @TempDir
    Path tmp;

    private static Pod mirror(SimFixture sim) {
        return sim.cluster.client().pods().inNamespace("kube-system").withName("kube-scheduler-node001").get();
    }

    private static boolean healthy(SimFixture sim) {
        try {
            return sim.exec("curl -sk --max-time 5 https://127.0.0.1:10259/healthz").out().equals("ok");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean ready(Pod pod) {
        return pod != null && "Running".equals(pod.getStatus().getPhase()) && pod.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    private static String waitingReason(Pod pod) {
        ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        return status.getState().getWaiting() == null ? "" : status.getState().getWaiting().getReason();
    }

    @Test
    void aStaticPodStartsOnceItsImageIsPulledAndGetsAMirrorPod() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.LEGACY_SYSTEMD))) {
            sim.run("systemctl stop kube-scheduler");
            Manifests.put(sim, "node001", MANIFEST, Manifests.scheduler("--v=2", true), "0600");
            SimFixture.await("the mirror pod waits for its image", () -> {
                Pod pod = mirror(sim);
                return pod != null && waitingReason(pod).matches("ErrImagePull|ImagePullBackOff");
            });
            assertEquals("Pending", mirror(sim).getStatus().getPhase());
            assertEquals(7, sim.exec("curl -sk https://127.0.0.1:10259/healthz").status());

            sim.run("crictl pull registry.k8s.io/kube-scheduler:v1.34.3");
            SimFixture.await("the scheduler answers its health check", () -> healthy(sim));
            SimFixture.await("the mirror pod is Running and Ready", () -> ready(mirror(sim)));
            Pod pod = mirror(sim);
            assertEquals("node001", pod.getSpec().getNodeName());
            assertNotNull(pod.getMetadata().getAnnotations().get("kubernetes.io/config.mirror"));
            ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
            assertTrue(status.getReady());
            assertTrue(status.getContainerID().startsWith("containerd://"), status.getContainerID());
            String ps = sim.run("crictl ps --name kube-scheduler");
            assertTrue(ps.contains("Running") && ps.contains("kube-scheduler-node001") && ps.contains("kube-system"), ps);
            assertNotNull(sim.cluster.client().nodes().withName("node001").get(), "the kubelet registers its node");
            assertEquals(java.util.List.of("kube-system/kube-scheduler-node001"), sim.node("node001").machine().kubelet().podNames());
        }
    }

    @Test
    void aChangedManifestRestartsThePodAndARemovedOneStopsIt() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.LEGACY_SYSTEMD))) {
            sim.run("systemctl stop kube-scheduler && crictl pull registry.k8s.io/kube-scheduler:v1.34.3");
            Manifests.put(sim, "node001", MANIFEST, Manifests.scheduler("--v=2", true), "0600");
            SimFixture.await("the first pod is ready", () -> ready(mirror(sim)));
            String firstContainer = sim.run("crictl ps -q --name kube-scheduler").trim();
            String firstHash = mirror(sim).getMetadata().getAnnotations().get("kubernetes.io/config.mirror");

            Manifests.put(sim, "node001", MANIFEST, Manifests.scheduler("--v=4", true), "0600");
            SimFixture.await("the pod runs again with the new manifest", () -> {
                Pod pod = mirror(sim);
                return ready(pod) && !pod.getMetadata().getAnnotations().get("kubernetes.io/config.mirror").equals(firstHash);
            });
            String secondContainer = sim.run("crictl ps -q --name kube-scheduler").trim();
            assertNotEquals(firstContainer, secondContainer);
            assertTrue(sim.run("crictl inspect " + secondContainer).contains("--v=4"));

            sim.run("rm -f " + MANIFEST);
            SimFixture.await("the mirror pod is deleted", () -> mirror(sim) == null);
            assertEquals(7, sim.exec("curl -sk https://127.0.0.1:10259/healthz").status());
            assertEquals("", sim.run("crictl ps -a -q --name kube-scheduler"));
        }
    }

    @Test
    void aContainerWithoutItsFilesCrashLoopsAndLogsWhy() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.LEGACY_SYSTEMD))) {
            sim.run("systemctl stop kube-scheduler && crictl pull registry.k8s.io/kube-scheduler:v1.34.3");
            Manifests.put(sim, "node001", MANIFEST, Manifests.scheduler("--v=2", false), "0600");
            SimFixture.await("the container has restarted", () -> {
                Pod pod = mirror(sim);
                return pod != null && pod.getStatus().getContainerStatuses().get(0).getRestartCount() > 0;
            });
            String id = sim.run("crictl ps -a -q --name kube-scheduler").lines().findFirst().orElseThrow();
            SshTestClient.Result logs = sim.exec("crictl logs " + id);
            assertTrue(logs.err().contains("open /etc/kubernetes/scheduler.conf: no such file or directory"), logs.err());
            assertEquals(7, sim.exec("curl -sk https://127.0.0.1:10259/healthz").status());
        }
    }

    @Test
    void aStaticPodCannotTakeThePortOfTheServiceItReplacesUntilThatStops() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.LEGACY_SYSTEMD))) {
            sim.run("crictl pull registry.k8s.io/kube-scheduler:v1.34.3");
            Manifests.put(sim, "node001", MANIFEST, Manifests.scheduler("--v=2", true), "0600");
            SimFixture.await("the container crashed on the busy port", () -> {
                Pod pod = mirror(sim);
                return pod != null && waitingReason(pod).equals("CrashLoopBackOff");
            });
            String id = sim.run("crictl ps -a -q --name kube-scheduler").lines().findFirst().orElseThrow();
            assertTrue(sim.exec("crictl logs --tail 1 " + id).err().contains("bind: address already in use"));
            sim.run("systemctl stop kube-scheduler && systemctl disable kube-scheduler");
            SimFixture.await("the static pod takes over", () -> ready(mirror(sim)));
            assertTrue(healthy(sim));
        }
    }
}
