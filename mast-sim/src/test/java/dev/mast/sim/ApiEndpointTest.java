package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API endpoint (the plan's controlPlaneEndpoint) on a fresh node brought up like an install:
 * refused while no API server runs, then TLS with the API server's own certificate (an RSA key
 * in PKCS#1, from a CA made here) for a client that trusts only that CA.
 */
class ApiEndpointTest {
    @TempDir
    Path tmp;

    @Test
    void theEndpointServesTheApiWithTheApiServersCertificateOnlyWhileOneRuns() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.FRESH_WITH_RUNTIME));
             TestApiServer server = new TestApiServer()) {
            KubernetesClient client = server.client(sim);
            assertThrows(KubernetesClientException.class, () -> client.pods().inNamespace("kube-system").list());
            try (Socket socket = new Socket("127.0.0.1", sim.cluster.apiPort()); InputStream in = socket.getInputStream()) {
                assertEquals(-1, in.read(), "the endpoint closes connections while no API server runs");
            }

            server.startOn(sim, "node001");
            assertEquals("node001", client.nodes().withName("node001").get().getMetadata().getName());

            sim.run("rm /etc/kubernetes/manifests/kube-apiserver.yaml");
            SimFixture.await("the endpoint refuses again", () -> !sim.cluster.apiServing());
            assertThrows(KubernetesClientException.class, () -> client.pods().inNamespace("kube-system").list());
        }
    }
}
