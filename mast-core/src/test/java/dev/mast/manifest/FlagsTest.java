package dev.mast.manifest;

import static dev.mast.manifest.PodAssertions.flags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlagsTest {
    private static final Plan PLAN = TestPlans.threeMasters();

    private static Map<String, String> apiServerFlags(Plan plan, Map<Component, Map<String, String>> carried) {
        var manifest = StaticPodManifests.forNode(plan, TestPlans.named(plan, "master1"), carried).get(0);
        assertEquals(Component.KUBE_APISERVER, manifest.component());
        return flags(manifest.pod());
    }

    private static Plan withApiServerExtras(Map<String, String> extras) {
        return PLAN.withExtraFlags(Map.of(Component.KUBE_APISERVER, extras));
    }

    @Test
    void extraFlagsAreAddedToTheManagedOnes() {
        var flags = apiServerFlags(PLAN, Map.of());
        assertEquals("30", flags.get("audit-log-maxage"));
        assertEquals("/var/log/kubernetes/audit.log", flags.get("audit-log-path"));
        assertEquals("10.10.0.11", flags.get("advertise-address"));
    }

    @Test
    void aManagedFlagKeepsMastsValueAndAppearsOnce() {
        var manifest = StaticPodManifests.forNode(withApiServerExtras(Map.of("secure-port", "1", "etcd-servers", "http://evil:2379")),
                TestPlans.named(PLAN, "master1")).get(0);
        List<String> command = manifest.pod().getSpec().getContainers().get(0).getCommand();
        assertEquals(List.of("--secure-port=6443"), command.stream().filter(a -> a.startsWith("--secure-port=")).toList());
        assertEquals(1, command.stream().filter(a -> a.startsWith("--etcd-servers=")).count());
        assertEquals("https://10.10.0.11:2379,https://10.10.0.12:2379,https://10.10.0.13:2379", flags(manifest.pod()).get("etcd-servers"));
    }

    @Test
    void carriedFlagsLoseToExtraFlagsAndBothLoseToManagedOnes() {
        var plan = withApiServerExtras(Map.of("v", "4"));
        var carried = Map.of(Component.KUBE_APISERVER,
                Map.of("v", "2", "secure-port", "443", "feature-gates", "SomeGate=true"));
        var flags = apiServerFlags(plan, carried);
        assertEquals("4", flags.get("v"));
        assertEquals("6443", flags.get("secure-port"));
        assertEquals("SomeGate=true", flags.get("feature-gates"));
    }

    @Test
    void policyDefaultsGiveWayToCarriedAndExtraFlags() {
        var carried = Map.of(Component.KUBE_APISERVER, Map.of("enable-admission-plugins", "NodeRestriction,PodSecurity"));
        assertEquals("NodeRestriction", apiServerFlags(PLAN, Map.of()).get("enable-admission-plugins"));
        assertEquals("NodeRestriction,PodSecurity", apiServerFlags(PLAN, carried).get("enable-admission-plugins"));
        var plan = withApiServerExtras(Map.of("authorization-mode", "Node,RBAC,Webhook"));
        assertEquals("Node,RBAC,Webhook", apiServerFlags(plan, Map.of()).get("authorization-mode"));
    }

    @Test
    void carriedFlagsOfOtherComponentsDoNotLeakIntoTheApiServer() {
        var flags = apiServerFlags(PLAN, Map.of(Component.KUBE_SCHEDULER, Map.of("profiling", "false")));
        assertTrue(!flags.containsKey("profiling"));
    }

    @Test
    void dashesInAUsersFlagNameDoNotSlipPastAManagedFlag() {
        var flags = apiServerFlags(withApiServerExtras(Map.of("--secure-port", "1", "-v", "3")), Map.of());
        assertEquals("6443", flags.get("secure-port"));
        assertEquals("3", flags.get("v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--", "two words", "name=value", "-", "ünï", "a\nb"})
    void aNameThatIsNotAFlagIsRefusedWithTheComponentAndTheName(String name) {
        var e = assertThrows(ManifestException.class, () -> Flags.merge(Component.KUBE_SCHEDULER, Map.of(), Set.of(),
                Map.of(name, "x"), Map.of()));
        assertTrue(e.getMessage().startsWith("kube-scheduler: extra flag name \"" + name + "\""), e.getMessage());
    }

    @Test
    void aNulCharacterInAValueIsRefused() {
        var e = assertThrows(ManifestException.class, () -> Flags.merge(Component.ETCD, Map.of(), Set.of(),
                Map.of(), Map.of("log-level", "debug\0info")));
        assertEquals("etcd: carried-over flag --log-level contains a NUL character, which no command line can carry", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0085", "\u2028", "\u2029"})
    void aUnicodeLineSeparatorInAValueIsRefusedBecauseTheKubeletsYamlReaderBreaksOnIt(String separator) {
        var plan = PLAN.withExtraFlags(Map.of(Component.KUBE_APISERVER, Map.of("oidc-username-prefix", "a" + separator + "b")));
        var e = assertThrows(ManifestException.class, () -> StaticPodManifests.forNode(plan, TestPlans.named(plan, "master1")));
        assertEquals(String.format("kube-apiserver: extra flag --oidc-username-prefix contains the line separator U+%04X,"
                + " which YAML readers take for a line break", (int) separator.charAt(0)), e.getMessage());
    }

    @Test
    void droppedNamesAreIgnoredFromExtraAndCarriedFlags() {
        var flags = Flags.merge(Component.KUBELET, Map.of("config", "/c"), Set.of("pod-manifest-path"),
                Map.of("pod-manifest-path", "/x"), Map.of("--pod-manifest-path", "/y", "max-pods", "20"));
        assertEquals(Map.of("config", "/c", "max-pods", "20"), flags.values());
        assertEquals(List.of("--config=/c", "--max-pods=20"), flags.arguments());
    }

    @Test
    void argumentsAreSortedByNameWhateverTheOrderOfTheSources() {
        var flags = Flags.merge(Component.KUBE_PROXY, Map.of("zeta", "1", "alpha", "2"), Set.of(),
                Map.of("mid", "3"), Map.of("beta", "4"));
        assertEquals(List.of("--alpha=2", "--beta=4", "--mid=3", "--zeta=1"), flags.arguments());
    }

    @Test
    void managedFlagNamesAreTheOnesTheValidatorMustRefuse() {
        assertTrue(dev.mast.plan.ManagedFlags.of(Component.KUBE_APISERVER).containsAll(Set.of("etcd-servers", "secure-port",
                "service-cluster-ip-range", "advertise-address")));
        assertTrue(dev.mast.plan.ManagedFlags.of(Component.KUBELET).containsAll(Set.of("config", "kubeconfig", "pod-manifest-path",
                "cgroup-driver", "container-runtime-endpoint")));
        assertTrue(dev.mast.plan.ManagedFlags.of(Component.ETCD).containsAll(Set.of("name", "initial-cluster", "data-dir")));
        assertTrue(!dev.mast.plan.ManagedFlags.of(Component.KUBE_APISERVER).contains("audit-log-path"));
    }
}
