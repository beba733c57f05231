package dev.mast.workflow.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.KubernetesVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The version a conversion keeps: what runs, a newer patch, or the next minor release, never a skipped or older one. */
class ConversionVersionsTest {
    private static LegacyNode node(String host, String apiServerVersion, String kubeletVersion) {
        Map<Component, LegacyService> services = new java.util.EnumMap<>(Component.class);
        services.put(Component.KUBE_APISERVER, service(Component.KUBE_APISERVER, apiServerVersion));
        services.put(Component.KUBELET, service(Component.KUBELET, kubeletVersion));
        return new LegacyNode(host, services, Map.of(), "", Optional.empty(), Map.of(), Map.of());
    }

    private static LegacyService service(Component component, String versionText) {
        SystemdUnit unit = SystemdUnit.fromCat(component.key() + ".service",
                "# /etc/systemd/system/" + component.key() + ".service\n[Service]\nExecStart=/usr/local/bin/" + component.key() + "\n");
        UnitCommand command = UnitCommand.of(unit.execStart().orElseThrow(), Map.of(), unit.name(), "n").orElseThrow();
        return new LegacyService(component, "", unit, List.of(), command, CommandFlags.parse(command.args()), versionText, true);
    }

    private static KubernetesVersion v(String text) {
        return KubernetesVersion.parse(text).orElseThrow();
    }

    @Test
    void aPlanKeepsTheVersionThatRunsOrGoesOneMinorReleaseFurther() {
        LegacyNode node = node("node001", "Kubernetes v1.32.11", "Kubernetes v1.32.11");
        assertEquals(List.of(), ConversionVersions.refusals(node, v("1.32.11")));
        assertEquals(List.of(), ConversionVersions.refusals(node, v("1.33.7")));
        assertEquals(ConversionVersions.Step.MINOR_UPGRADE, ConversionVersions.step(List.of(node), v("1.33.7")));
        assertEquals(ConversionVersions.Step.PATCH_UPGRADE, ConversionVersions.step(List.of(node), v("1.32.12")));
        assertEquals(List.of("node001 runs kube-apiserver v1.32.11 and the plan says Kubernetes 1.34.3: Mast converts a cluster at the"
                + " version it runs, or at most one minor release newer (1.33), as Kubernetes allows no skipped or older release;"
                + " set kubernetesVersion to 1.32.11 or 1.33 in the plan"), ConversionVersions.refusals(node, v("1.34.3")));
        assertEquals(1, ConversionVersions.refusals(node, v("1.32.3")).size(), "no older patch either");
    }

    @Test
    void aKubeletNewerThanThePlanOrAProgramThatSaysNoVersionIsRefused() {
        assertTrue(ConversionVersions.refusals(node("node002", "Kubernetes v1.33.7", "Kubernetes v1.34.3"), v("1.33.7")).get(0)
                .contains("a kubelet may not be newer than its API server"));
        assertTrue(ConversionVersions.refusals(node("node003", "built by hand", "Kubernetes v1.33.7"), v("1.33.7")).get(0)
                .contains("--version printed \"built by hand\""));
    }

    @Test
    void mastersOnDifferentVersionsAreNamedWithTheirVersions() {
        List<LegacyNode> nodes = List.of(node("node001", "Kubernetes v1.33.7", "Kubernetes v1.33.7"),
                node("node002", "Kubernetes v1.32.11", "Kubernetes v1.32.11"), node("node003", "Kubernetes v1.33.7", "Kubernetes v1.32.11"));
        assertEquals(Optional.of("the control plane runs mixed versions (kube-apiserver: v1.32.11 on node002; v1.33.7 on node001,"
                + " node003)"), ConversionVersions.mixed(nodes));
        assertEquals(Optional.empty(), ConversionVersions.mixed(List.of(nodes.get(0), nodes.get(2))),
                "kubelets may differ: only the control plane counts");
    }
}
