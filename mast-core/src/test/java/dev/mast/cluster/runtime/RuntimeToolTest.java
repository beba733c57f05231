package dev.mast.cluster.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.logs.LogRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Reading what crictl and docker print, and the command lines sent to them. */
class RuntimeToolTest {

    @Test
    void readsCrictlJsonWithTheKubeletsLabels() {
        List<String> json = """
                {
                  "containers": [
                    {
                      "id": "3b6a1c2d4e5f60718293a4b5c6d7e8f9aabbccddeeff00112233445566778899",
                      "podSandboxId": "f00dfeed",
                      "metadata": {"name": "kube-apiserver", "attempt": 4},
                      "image": {"image": "sha256:0e5a", "annotations": {}},
                      "imageRef": "sha256:0e5a",
                      "state": "CONTAINER_EXITED",
                      "createdAt": "1718020800123456789",
                      "labels": {
                        "io.kubernetes.container.name": "kube-apiserver",
                        "io.kubernetes.pod.name": "kube-apiserver-node001",
                        "io.kubernetes.pod.namespace": "kube-system",
                        "io.kubernetes.pod.uid": "8f2c"
                      },
                      "annotations": {"io.kubernetes.container.restartCount": "4"}
                    }
                  ]
                }
                """.lines().toList();
        RuntimeContainer c = new Crictl().parse(json).get(0);
        assertEquals("3b6a1c2d4e5f", c.shortId());
        assertEquals("kube-apiserver", c.name());
        assertEquals("kube-apiserver-node001", c.podName());
        assertEquals("kube-system", c.namespace());
        assertEquals(RuntimeContainer.State.EXITED, c.state());
        assertEquals(4, c.attempt());
        assertEquals(Instant.parse("2024-06-10T12:00:00.123456789Z"), c.created());
    }

    @Test
    void saysWhenCrictlPrintedSomethingElse() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Crictl().parse(List.of("time=\"2024\" level=fatal msg=\"connect: permission denied\"")));
        assertTrue(e.getMessage().startsWith("crictl ps printed no JSON"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Crictl().parse(List.of("{\"items\": []}")));
    }

    @Test
    void readsDockerPsSkippingSandboxesAndOtherContainers() {
        List<String> lines = List.of(
                "3b6a1c2d4e5f\tk8s_kube-apiserver_kube-apiserver-node001_kube-system_8f2c1d_3\t2024-06-10 12:00:00 +0200 CEST\tUp 5 minutes",
                "9f1e2d3c4b5a\tk8s_POD_kube-apiserver-node001_kube-system_8f2c1d_0\t2024-06-10 11:00:00 +0000 UTC\tUp 2 hours",
                "77aa88bb99cc\tk8s_kube-apiserver_kube-apiserver-node001_kube-system_8f2c1d_2\t2024-06-10 11:55:00 +0000 UTC\tExited (1) 6 minutes ago",
                "1234567890ab\tregistry\t2024-06-01 10:00:00 +0000 UTC\tUp 9 days",
                "");
        List<RuntimeContainer> containers = new DockerCli().parse(lines);
        assertEquals(2, containers.size());
        assertEquals(3, containers.get(0).attempt());
        assertEquals(RuntimeContainer.State.RUNNING, containers.get(0).state());
        assertEquals(Instant.parse("2024-06-10T10:00:00Z"), containers.get(0).created());
        assertEquals(RuntimeContainer.State.EXITED, containers.get(1).state());
        assertEquals("Exited (1) 6 minutes ago", containers.get(1).status());
        var e = assertThrows(IllegalArgumentException.class, () -> new DockerCli().parse(List.of("permission denied")));
        assertTrue(e.getMessage().contains("docker ps printed \"permission denied\""), e.getMessage());
    }

    @Test
    void asksTheToolsForExactlyTheKubeletsContainersAndLogs() {
        assertEquals("crictl ps -a --name 'kube-apiserver' -o json", new Crictl().listScript("kube-apiserver", "kube-apiserver-node001"));
        assertEquals("crictl ps -a -o json", new Crictl().listScript(null, null));
        assertEquals("docker ps -a --filter 'name=k8s_kube-apiserver_kube-apiserver-node001_kube-system' --format "
                        + "'{{.ID}}\\t{{.Names}}\\t{{.CreatedAt}}\\t{{.Status}}'",
                new DockerCli().listScript("kube-apiserver", "kube-apiserver-node001"));
        var request = new LogRequest("kube-system", "kube-apiserver-node001", "", true, OptionalInt.of(100),
                Optional.of(Duration.ofMinutes(5)), true, false);
        assertEquals("crictl logs --tail 100 --since 300s --timestamps --follow '3b6a'", new Crictl().logsScript("3b6a", request));
        assertEquals("docker logs '3b6a'", new DockerCli().logsScript("3b6a", LogRequest.of("kube-system", "p")));
    }
}
