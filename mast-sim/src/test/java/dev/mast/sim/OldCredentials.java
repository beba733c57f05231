package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What a user of an old cluster holds, checked at its API endpoint: its admin kubeconfig, a token it issued, a Secret it stored. */
public final class OldCredentials {
    private OldCredentials() {
    }

    /** The old admin kubeconfig reads the Secret stored before Mast came, and the token the cluster issued authenticates. */
    public static void assertStillWork(SimulatedCluster cluster) {
        String kubeconfig = cluster.legacyAdminKubeconfig().orElseThrow();
        try (KubernetesClient admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build()) {
            String stored = admin.secrets().inNamespace("default").withName("legacy-secret").get().getData().get("password");
            assertEquals("created before the conversion", new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8));
        }
        Config tokenOnly = new ConfigBuilder(Config.fromKubeconfig(kubeconfig)).withClientCertData(null).withClientKeyData(null)
                .withOauthToken(cluster.legacyToken().orElseThrow()).build();
        try (KubernetesClient script = new KubernetesClientBuilder().withConfig(tokenOnly).build()) {
            assertFalse(script.serviceAccounts().inNamespace("kube-system").list().getItems().isEmpty());
        }
    }
}
