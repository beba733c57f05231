package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator checks what the real programs check of each other: a component whose
 * certificates do not chain to the CA its peer trusts, or an API server that would reject the
 * tokens the cluster issued or could not read the data it encrypted, is not healthy. Each test
 * breaks one thing on a Kubernetes the Hard Way cluster and puts it back.
 */
class PeerTrustTest {
    @TempDir
    static Path tmp;
    static SimFixture sim;

    @BeforeAll
    static void start() throws Exception {
        sim = SimFixture.start(tmp, b -> b.nodes(2).masters(1).provisioning(Provisioning.LEGACY_SYSTEMD).layout(LegacyLayout.HARD_WAY));
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
    }

    /** Replaces a line of a unit on node001, restarts the service, and returns what its health endpoint says then. */
    private static SshTestClient.Result withUnitLine(String node, String unit, String from, String to, String health) throws Exception {
        String file = "/etc/systemd/system/" + unit;
        String original = sim.run(node, "cat " + file);
        assertTrue(original.contains(from), from + " in " + original);
        try {
            Manifests.put(sim, node, file, original.replace(from, to), "0644");
            sim.run(node, "systemctl daemon-reload && systemctl restart " + unit);
            return sim.ssh(node).exec("curl -fsk --retry 20 --retry-delay 0.1 --retry-connrefused " + health + " 2>&1; sleep 0.3; "
                    + "curl -sk " + health);
        } finally {
            Manifests.put(sim, node, file, original, "0644");
            sim.run(node, "systemctl daemon-reload && systemctl restart " + unit);
        }
    }

    private static String foreignPair(String name) throws Exception {
        SimPki.Issued foreignCa = SimPki.ca("another-ca");
        SimPki.Issued client = SimPki.issue(foreignCa, name, null, List.of(), false);
        return Kubeconfigs.render("other", HardWayLegacy.API_SERVER, foreignCa.certificatePem(), name, client);
    }

    @Test
    void anApiServerWithAnotherServiceAccountKeyRejectsTheClustersTokensAndIsNotHealthy() throws Exception {
        Manifests.put(sim, "node001", "/var/lib/kubernetes/other-sa.key", SimPki.pem(SimPki.rsaKeyPair().getPrivate()), "0600");
        SshTestClient.Result health = withUnitLine("node001", "kube-apiserver.service",
                "--service-account-key-file=/var/lib/kubernetes/service-accounts.crt",
                "--service-account-key-file=/var/lib/kubernetes/other-sa.key", "https://127.0.0.1:6443/livez");
        assertTrue(health.out().contains("token of kube-system/legacy-reader that the cluster issued is rejected"), health.out());
        assertEquals("ok", sim.run("curl -fsk --retry 20 --retry-delay 0.1 --retry-connrefused https://127.0.0.1:6443/livez"),
                "healthy again with its own key");
    }

    @Test
    void anApiServerWithAnotherIssuerIsNotHealthy() throws Exception {
        SshTestClient.Result health = withUnitLine("node001", "kube-apiserver.service",
                "--service-account-issuer=https://server.kubernetes.local:6443",
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local", "https://127.0.0.1:6443/livez");
        assertTrue(health.out().contains("its issuer https://server.kubernetes.local:6443 is not among --service-account-issuer"),
                health.out());
    }

    @Test
    void anApiServerThatCannotReadTheEncryptedSecretsIsNotHealthy() throws Exception {
        SshTestClient.Result health = withUnitLine("node001", "kube-apiserver.service",
                "--encryption-provider-config=/var/lib/kubernetes/encryption-config.yaml", "", "https://127.0.0.1:6443/livez");
        assertTrue(health.out().contains("unable to transform key"), health.out());
    }

    @Test
    void aClientWhoseKubeconfigTrustsAnotherCaIsNotHealthy() throws Exception {
        String original = sim.run("node002", "cat /var/lib/kube-proxy/kubeconfig");
        try {
            Manifests.put(sim, "node002", "/var/lib/kube-proxy/kubeconfig", foreignPair("system:kube-proxy"), "0600");
            sim.run("node002", "systemctl restart kube-proxy");
            SshTestClient.Result health = sim.ssh("node002").exec("sleep 0.5; curl -s http://127.0.0.1:10256/healthz");
            assertTrue(health.out().contains("x509: certificate signed by unknown authority"), health.out());
            assertEquals(22, sim.ssh("node002").exec("curl -fs http://127.0.0.1:10256/healthz").status());
        } finally {
            Manifests.put(sim, "node002", "/var/lib/kube-proxy/kubeconfig", original, "0600");
            sim.run("node002", "systemctl restart kube-proxy");
        }
    }

    @Test
    void aControllerManagerSigningTokensWithAnotherKeyIsNotHealthy() throws Exception {
        Manifests.put(sim, "node001", "/var/lib/kubernetes/other-sa.key", SimPki.pem(SimPki.rsaKeyPair().getPrivate()), "0600");
        SshTestClient.Result health = withUnitLine("node001", "kube-controller-manager.service",
                "--service-account-private-key-file=/var/lib/kubernetes/service-accounts.key",
                "--service-account-private-key-file=/var/lib/kubernetes/other-sa.key", "https://127.0.0.1:10257/healthz");
        assertTrue(health.out().contains("are rejected by the API servers"), health.out());
    }

    @Test
    void theEndpointAnswers401ToACertificateOfAnotherCa() throws Exception {
        String kubeconfig = sim.cluster.legacyAdminKubeconfig().orElseThrow();
        java.util.regex.Matcher ca = java.util.regex.Pattern.compile("certificate-authority-data: (\\S+)").matcher(kubeconfig);
        assertTrue(ca.find());
        String clusterCa = new String(java.util.Base64.getDecoder().decode(ca.group(1)), java.nio.charset.StandardCharsets.UTF_8);
        SimPki.Issued foreignCa = SimPki.ca("another-ca");
        String foreign = Kubeconfigs.render("hard-way", "https://" + sim.cluster.controlPlaneEndpoint(), clusterCa, "admin",
                SimPki.issue(foreignCa, "admin", "system:masters", List.of(), false));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(foreign)).build()) {
            KubernetesClientException refused = assertThrows(KubernetesClientException.class,
                    () -> client.pods().inNamespace("kube-system").list());
            assertEquals(401, refused.getCode());
        }
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build()) {
            assertTrue(client.pods().inNamespace("kube-system").list().getItems().isEmpty(), "the cluster's own admin is let in");
        }
    }
}
