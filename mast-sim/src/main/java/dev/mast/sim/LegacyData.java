package dev.mast.sim;

import dev.mast.sim.machine.ClusterRecords;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What an old cluster holds in its API before Mast comes: the service account whose token a
 * script outside the cluster uses (kept in a Secret, as clusters before 1.24 made them), and a
 * Secret of its own data, encrypted at rest when the cluster encrypts secrets. The API servers'
 * checks read {@link ClusterRecords}; these objects are what a user reads back through the API.
 */
final class LegacyData {
    static final String SECRET_NAMESPACE = "default";
    static final String SECRET_NAME = "legacy-secret";

    private LegacyData() {
    }

    static void store(ClusterApi api, ClusterRecords records) {
        api.setRecords(records);
        KubernetesClient client = api.client();
        for (ClusterRecords.Token token : records.tokens()) {
            String namespace = token.owner().substring(0, token.owner().indexOf('/'));
            String name = token.owner().substring(token.owner().indexOf('/') + 1);
            client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder()
                    .withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build()).create();
            client.secrets().inNamespace(namespace).resource(new SecretBuilder()
                    .withNewMetadata().withName(name + "-token").withNamespace(namespace)
                    .addToAnnotations("kubernetes.io/service-account.name", name).endMetadata()
                    .withType("kubernetes.io/service-account-token")
                    .addToData("token", base64(token.jwt())).build()).create();
        }
        client.secrets().inNamespace(SECRET_NAMESPACE).resource(new SecretBuilder()
                .withNewMetadata().withName(SECRET_NAME).withNamespace(SECRET_NAMESPACE).endMetadata()
                .addToData("password", base64("created before the conversion")).build()).create();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
