package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mast.plan.ContainerRuntime;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crictl and docker show the kubelet's containers, images and logs in their real formats. */
class RuntimeFormatsTest {
    private static final String IMAGE = "registry.k8s.io/kube-scheduler:v1.34.3";
    private static final String KLOG = "[IWEF]\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +\\d+ [\\w.]+:\\d+\\] .*";

    @TempDir
    Path tmp;

    private static SimFixture schedulerAsStaticPod(Path tmp, ContainerRuntime runtime) throws Exception {
        SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.LEGACY_SYSTEMD).runtime(runtime));
        sim.run("systemctl stop kube-scheduler");
        sim.run(runtime == ContainerRuntime.DOCKER ? "docker pull " + IMAGE : "crictl pull " + IMAGE);
        Manifests.put(sim, "node001", "/etc/kubernetes/manifests/kube-scheduler.yaml", Manifests.scheduler("--v=2", true), "0600");
        SimFixture.await("the scheduler runs", () -> {
            try {
                return sim.exec("curl -sk https://127.0.0.1:10259/healthz").status() == 0;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        return sim;
    }

    @Test
    void crictlListsContainersAsTablesAndJson() throws Exception {
        try (SimFixture sim = schedulerAsStaticPod(tmp, ContainerRuntime.CONTAINERD)) {
            List<String> table = sim.run("crictl ps").lines().toList();
            assertTrue(table.get(0).matches("CONTAINER +IMAGE +CREATED +STATE +NAME +ATTEMPT +POD ID +POD +NAMESPACE"), table.get(0));
            assertTrue(table.get(1).matches("[0-9a-f]{13} +[0-9a-f]{13} +.* ago +Running +kube-scheduler +0 +[0-9a-f]{13} +"
                    + "kube-scheduler-node001 +kube-system"), table.get(1));
            JsonNode json = new ObjectMapper().readTree(sim.run("crictl ps -a -o json --name kube-sched"));
            JsonNode container = json.get("containers").get(0);
            assertEquals("kube-scheduler", container.get("metadata").get("name").asText());
            assertEquals("CONTAINER_RUNNING", container.get("state").asText());
            assertEquals("kube-scheduler-node001", container.get("labels").get("io.kubernetes.pod.name").asText());
            assertEquals("", sim.run("crictl ps -q --name nothing-like-this"));
            assertTrue(sim.run("crictl pods --name kube-scheduler").contains("Ready"));
        }
    }

    @Test
    void crictlShowsLogsImagesAndMissingImages() throws Exception {
        try (SimFixture sim = schedulerAsStaticPod(tmp, ContainerRuntime.CONTAINERD)) {
            String id = sim.run("crictl ps -q --name kube-scheduler").trim();
            assertTrue(id.matches("[0-9a-f]{64}"), id);
            SshTestClient.Result logs = sim.exec("crictl logs --tail 2 " + id.substring(0, 12));
            assertEquals(0, logs.status());
            assertEquals(2, logs.err().lines().count(), logs.err());
            logs.err().lines().forEach(line -> assertTrue(line.matches(KLOG), line));
            assertTrue(sim.run("crictl logs " + id + " 2>&1").contains("Serving securely on 127.0.0.1:10259"));
            assertTrue(sim.run("crictl images").lines().anyMatch(l -> l.matches("registry.k8s.io/kube-scheduler +v1.34.3 +[0-9a-f]{13} +[0-9.]+MB")));
            assertTrue(sim.run("crictl inspecti " + IMAGE).contains("\"repoTags\": [\n      \"" + IMAGE + "\""));
            SshTestClient.Result missing = sim.exec("crictl inspecti registry.k8s.io/kube-apiserver:v1.34.3");
            assertEquals(1, missing.status());
            assertTrue(missing.err().contains("no such image"), missing.err());
            assertTrue(sim.run("journalctl -u kubelet --no-pager").contains("\"SyncLoop ADD\" source=\"file\" pods=[\"kube-system/kube-scheduler-node001\"]"));
        }
    }

    @Test
    void dockerNamesTheKubeletsContainersAsCriDockerdDoes() throws Exception {
        try (SimFixture sim = schedulerAsStaticPod(tmp, ContainerRuntime.DOCKER)) {
            Pod mirror = sim.cluster.client().pods().inNamespace("kube-system").withName("kube-scheduler-node001").get();
            String uid = mirror.getMetadata().getAnnotations().get("kubernetes.io/config.hash");
            assertEquals("k8s_kube-scheduler_kube-scheduler-node001_kube-system_" + uid + "_0\n",
                    sim.run("docker ps --filter name=k8s_kube-scheduler --format '{{.Names}}'"));
            assertEquals("k8s_POD_kube-scheduler-node001_kube-system_" + uid + "_0\n",
                    sim.run("docker ps -a --filter name=k8s_POD_kube-scheduler --format '{{.Names}}'"));
            assertTrue(mirror.getStatus().getContainerStatuses().get(0).getContainerID().startsWith("docker://"));
            List<String> table = sim.run("docker ps").lines().toList();
            assertTrue(table.get(0).matches("CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES"), table.get(0));
            assertTrue(table.stream().anyMatch(l -> l.matches("[0-9a-f]{12} +[0-9a-f]{12} +\"kube-scheduler --k.*\" +.* ago +Up .*k8s_kube-scheduler_.*")),
                    String.join("\n", table));
            String id = sim.run("docker ps -q --filter name=k8s_kube-scheduler").trim();
            SshTestClient.Result logs = sim.exec("docker logs --tail 1 " + id);
            assertTrue(logs.err().trim().matches(KLOG), logs.err());
            assertTrue(sim.run("docker images -q " + IMAGE).trim().matches("[0-9a-f]{12}"));
            assertEquals("", sim.run("docker images -q registry.k8s.io/kube-apiserver:v1.34.3"));
            assertTrue(sim.run("crictl ps").contains("kube-scheduler-node001"), "crictl reaches Docker through cri-dockerd");
        }
    }

    @Test
    void followingALogEndsWhenTheContainerStops() throws Exception {
        try (SimFixture sim = schedulerAsStaticPod(tmp, ContainerRuntime.CONTAINERD)) {
            String id = sim.run("crictl ps -q --name kube-scheduler").trim();
            SshTestClient follower = new SshTestClient(sim.node("node001"), "root", sim.keyFile);
            java.util.concurrent.CompletableFuture<SshTestClient.Result> followed = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return follower.exec("crictl logs -f " + id + " 2>&1");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(followed.isDone(), "a followed log waits for more lines");
            sim.run("rm /etc/kubernetes/manifests/kube-scheduler.yaml");
            SshTestClient.Result result = followed.get(20, java.util.concurrent.TimeUnit.SECONDS);
            follower.close();
            assertEquals(0, result.status());
            assertTrue(result.out().contains("Serving securely on 127.0.0.1:10259"), result.out());
            assertTrue(result.out().trim().endsWith("Stopped listening on 127.0.0.1:10259"), result.out());
        }
    }
}
