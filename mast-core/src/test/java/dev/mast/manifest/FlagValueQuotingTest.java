package dev.mast.manifest;

import static dev.mast.manifest.PodAssertions.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.Plan;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Any value a user gives reaches the process exactly: through the manifest's YAML (read back by
 * fabric8's parser and by SnakeYAML, a second, independent one) and through a systemd unit.
 */
class FlagValueQuotingTest {
    private static final Plan BASE = TestPlans.threeMasters();

    static Stream<String> values() {
        return PathologicalValues.ALL.stream();
    }

    private static Plan planWith(Component component, String value) {
        return BASE.withExtraFlags(Map.of(component, Map.of("some-flag", value)));
    }

    @ParameterizedTest
    @MethodSource("values")
    void aValueRoundTripsThroughTheManifestYaml(String value) {
        var plan = planWith(Component.KUBE_APISERVER, value);
        var manifest = StaticPodManifests.forNode(plan, TestPlans.named(plan, "master1")).get(0);
        String expected = "--some-flag=" + value;

        Pod pod = Serialization.unmarshal(manifest.yaml(), Pod.class);
        assertTrue(container(pod).getCommand().contains(expected), "fabric8 reads back " + container(pod).getCommand());

        Map<String, Object> parsed = new Yaml(new LoaderOptions()).load(manifest.yaml());
        @SuppressWarnings("unchecked")
        var spec = (Map<String, Object>) parsed.get("spec");
        @SuppressWarnings("unchecked")
        var containers = (List<Map<String, Object>>) spec.get("containers");
        @SuppressWarnings("unchecked")
        var command = (List<String>) containers.get(0).get("command");
        assertTrue(command.contains(expected), "SnakeYAML reads back " + command);
        assertEquals(container(pod).getCommand(), command, "both parsers agree on every argument");
    }

    @ParameterizedTest
    @MethodSource("values")
    void aValueRoundTripsThroughTheKubeletDropIn(String value) {
        var plan = planWith(Component.KUBELET, value);
        var node = TestPlans.named(plan, "worker1");
        List<String> argv = SystemdUnitParser.execStart(KubeletFiles.unit(), KubeletFiles.dropIn(plan, node, Map.of()));
        assertEquals(List.of(KubePaths.KUBELET_BINARY, "--config=/var/lib/kubelet/config.yaml", "--hostname-override=worker1",
                "--kubeconfig=/etc/kubernetes/kubelet.conf", "--node-ip=10.10.0.21", "--some-flag=" + value), argv);
    }

    @ParameterizedTest
    @MethodSource("values")
    void aValueRoundTripsThroughTheEtcdUnit(String value) {
        var plan = planWith(Component.ETCD, value);
        List<String> argv = SystemdUnitParser.execStart(EtcdUnit.unit(plan, TestPlans.named(plan, "master2"), Map.of()));
        assertEquals(KubePaths.ETCD_BINARY, argv.get(0));
        assertTrue(argv.contains("--some-flag=" + value), argv.toString());
        assertTrue(argv.contains("--name=master2"), argv.toString());
    }
}
