package dev.mast.manifest.addons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Plan;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class AddonsTest {
    KubernetesClient client;

    private final Plan plan = Plan.defaults("prod");

    private List<HasMetadata> all() {
        List<HasMetadata> objects = new ArrayList<>(Flannel.objects(plan));
        objects.addAll(CoreDns.objects(plan));
        return objects;
    }

    @Test
    void dnsServiceSitsAtTheTenthServiceAddress() {
        var service = (io.fabric8.kubernetes.api.model.Service) CoreDns.objects(plan).stream()
                .filter(o -> o.getKind().equals("Service")).findFirst().orElseThrow();
        assertEquals("10.96.0.10", service.getSpec().getClusterIP());
        assertEquals("kube-dns", service.getMetadata().getName());
    }

    @Test
    void dnsServiceAndReplicasFollowThePlan() {
        Plan kismatic = plan.withClusterDns(new dev.mast.plan.ClusterDns("10.96.0.2", true, 3));
        var service = (io.fabric8.kubernetes.api.model.Service) CoreDns.objects(kismatic).stream()
                .filter(o -> o.getKind().equals("Service")).findFirst().orElseThrow();
        assertEquals("10.96.0.2", service.getSpec().getClusterIP());
        var deployment = (io.fabric8.kubernetes.api.model.apps.Deployment) CoreDns.objects(kismatic).stream()
                .filter(o -> o.getKind().equals("Deployment")).findFirst().orElseThrow();
        assertEquals(3, deployment.getSpec().getReplicas());
    }

    @Test
    void podNetworkUsesThePlansPodCidr() {
        var config = (io.fabric8.kubernetes.api.model.ConfigMap) Flannel.objects(plan.withNodes(List.of())).stream()
                .filter(o -> o.getKind().equals("ConfigMap")).findFirst().orElseThrow();
        assertTrue(config.getData().get("net-conf.json").contains("\"Network\": \"10.244.0.0/16\""));
    }

    @Test
    void corednsImageFollowsTheKubernetesVersion() {
        String yaml = Serialization.asYaml(CoreDns.objects(plan));
        assertTrue(yaml.contains("registry.k8s.io/coredns/coredns:" + plan.version().coreDnsTag()), yaml);
        assertTrue(yaml.contains("kubernetes cluster.local in-addr.arpa ip6.arpa"));
    }

    @Test
    void applyingTwiceLeavesOneOfEachObject() {
        for (int round = 0; round < 2; round++) {
            for (HasMetadata object : all()) {
                client.resource(object).createOr(NonDeletingOperation::update);
            }
        }
        assertEquals(1, client.apps().deployments().inNamespace("kube-system").list().getItems().size());
        assertEquals(1, client.apps().daemonSets().inNamespace("kube-flannel").list().getItems().size());
        assertEquals(2, client.apps().deployments().inNamespace("kube-system").withName("coredns").get().getSpec().getReplicas());
    }
}
