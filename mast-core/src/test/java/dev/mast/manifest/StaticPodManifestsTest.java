package dev.mast.manifest;

import dev.mast.pki.PkiPaths;
import static dev.mast.manifest.PodAssertions.container;
import static dev.mast.manifest.PodAssertions.flags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parses every generated manifest back with fabric8 and checks what kubeadm's manifests hold to
 * ({@code controlplane/manifests.go}, {@code util/staticpod/utils.go}).
 */
class StaticPodManifestsTest {
    private static final Plan PLAN = TestPlans.threeMasters();

    static Stream<Arguments> everyManifest() {
        return PLAN.nodes().stream().flatMap(node -> StaticPodManifests.forNode(PLAN, node).stream()
                .map(m -> Arguments.of(node.hostName() + " " + m.component().key(), node, m)));
    }

    private static Pod parse(StaticPodManifest manifest) {
        return Serialization.unmarshal(manifest.yaml(), Pod.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyManifest")
    void everyManifestIsAHostNetworkCriticalPodInKubeSystem(String label, Node node, StaticPodManifest manifest) {
        Pod pod = parse(manifest);
        String name = manifest.component().key();
        assertEquals("v1", pod.getApiVersion());
        assertEquals("Pod", pod.getKind());
        assertEquals(name, pod.getMetadata().getName());
        assertEquals("kube-system", pod.getMetadata().getNamespace());
        assertEquals(name, pod.getMetadata().getLabels().get("component"));
        assertTrue(pod.getSpec().getHostNetwork());
        assertEquals("system-node-critical", pod.getSpec().getPriorityClassName());
        assertEquals(2000001000, pod.getSpec().getPriority());
        assertEquals("RuntimeDefault", pod.getSpec().getSecurityContext().getSeccompProfile().getType());
        assertEquals(KubePaths.manifest(name), manifest.path());
        assertEquals(name + "-" + node.hostName(), manifest.mirrorPodName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyManifest")
    void everyContainerRunsItsComponentsImageWithSortedUniqueFlags(String label, Node node, StaticPodManifest manifest) {
        var container = container(parse(manifest));
        String name = manifest.component().key();
        assertEquals(name, container.getName());
        assertEquals("registry.k8s.io/" + name + ":v1.33.7", container.getImage());
        assertEquals("IfNotPresent", container.getImagePullPolicy());
        assertEquals(name, container.getCommand().get(0));
        List<String> arguments = container.getCommand().subList(1, container.getCommand().size());
        assertEquals(arguments.stream().sorted().toList(), arguments, "flags are sorted");
        assertEquals(manifest.flags(), flags(parse(manifest)), "the record's flags are the ones in the file");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyManifest")
    void everyHostPathIsTypedAndEveryMountHasItsVolume(String label, Node node, StaticPodManifest manifest) {
        Pod pod = parse(manifest);
        Map<String, Volume> volumes = pod.getSpec().getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        Set<String> mounted = container(pod).getVolumeMounts().stream().map(VolumeMount::getName).collect(Collectors.toSet());
        assertEquals(volumes.keySet(), mounted, "each volume is mounted once and each mount has a volume");
        for (Volume volume : volumes.values()) {
            assertNotNull(volume.getHostPath(), volume.getName() + " is a host path");
            assertTrue(Set.of("DirectoryOrCreate", "FileOrCreate").contains(volume.getHostPath().getType()),
                    volume.getName() + " has type " + volume.getHostPath().getType());
            boolean isFile = volume.getHostPath().getPath().endsWith(".conf") || volume.getHostPath().getPath().endsWith(".lock");
            assertEquals(isFile ? "FileOrCreate" : "DirectoryOrCreate", volume.getHostPath().getType(), volume.getName());
        }
        for (VolumeMount mount : container(pod).getVolumeMounts()) {
            assertEquals(volumes.get(mount.getName()).getHostPath().getPath(), mount.getMountPath(), "mounted at the host's path");
        }
    }

    /** A certificate or kubeconfig the component cannot see inside its container would stop it starting. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyManifest")
    void everyFileAFlagNamesIsInsideAMount(String label, Node node, StaticPodManifest manifest) {
        Pod pod = parse(manifest);
        List<String> mountPaths = container(pod).getVolumeMounts().stream().map(VolumeMount::getMountPath).toList();
        flags(pod).forEach((name, value) -> {
            if (value.startsWith("/")) {
                assertTrue(mountPaths.stream().anyMatch(m -> value.equals(m) || value.startsWith(m + "/")),
                        "--" + name + "=" + value + " is not under any of " + mountPaths);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyManifest")
    void everyProbeAsksTheAddressAndPortTheFlagsConfigure(String label, Node node, StaticPodManifest manifest) {
        Pod pod = parse(manifest);
        var c = container(pod);
        Map<String, String> flags = flags(pod);
        String host;
        int port;
        String scheme;
        if (manifest.component() == Component.KUBE_PROXY) {
            String bind = flags.get("healthz-bind-address");
            host = "127.0.0.1";
            port = Integer.parseInt(bind.substring(bind.lastIndexOf(':') + 1));
            scheme = "HTTP";
            assertEquals(10256, port);
        } else {
            host = manifest.component() == Component.KUBE_APISERVER ? flags.get("advertise-address") : flags.get("bind-address");
            port = Integer.parseInt(flags.get("secure-port"));
            scheme = "HTTPS";
        }
        for (Probe probe : List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())) {
            assertEquals(host, probe.getHttpGet().getHost());
            assertEquals(port, probe.getHttpGet().getPort().getIntVal());
            assertEquals(scheme, probe.getHttpGet().getScheme());
        }
    }

    @Test
    void probesUseEachComponentsRealHealthEndpoints() {
        var byComponent = StaticPodManifests.forNode(PLAN, TestPlans.named(PLAN, "master1")).stream()
                .collect(Collectors.toMap(StaticPodManifest::component, m -> container(parse(m))));
        var api = byComponent.get(Component.KUBE_APISERVER);
        assertEquals(List.of("/livez", "/readyz", "/livez"), paths(api.getLivenessProbe(), api.getReadinessProbe(), api.getStartupProbe()));
        assertEquals("10.10.0.11", api.getLivenessProbe().getHttpGet().getHost());
        assertEquals(6443, api.getLivenessProbe().getHttpGet().getPort().getIntVal());
        var cm = byComponent.get(Component.KUBE_CONTROLLER_MANAGER);
        assertEquals(List.of("/healthz", "/healthz", "/healthz"), paths(cm.getLivenessProbe(), cm.getReadinessProbe(), cm.getStartupProbe()));
        assertEquals(10257, cm.getLivenessProbe().getHttpGet().getPort().getIntVal());
        assertEquals("127.0.0.1", cm.getLivenessProbe().getHttpGet().getHost());
        var scheduler = byComponent.get(Component.KUBE_SCHEDULER);
        assertEquals(10259, scheduler.getLivenessProbe().getHttpGet().getPort().getIntVal());
        assertEquals("/healthz", scheduler.getLivenessProbe().getHttpGet().getPath());
        var proxy = byComponent.get(Component.KUBE_PROXY);
        assertEquals(List.of("/livez", "/livez", "/livez"), paths(proxy.getLivenessProbe(), proxy.getReadinessProbe(), proxy.getStartupProbe()));
        // kubeadm's startup probe gives the component four minutes before liveness may restart it.
        assertEquals(240, api.getStartupProbe().getFailureThreshold() * api.getStartupProbe().getPeriodSeconds());
    }

    @Test
    void theApiServersProbesFollowAnotherSecurePort() {
        var plan = new Plan("p", "1.34", PLAN.runtime(), PLAN.podCidr(), PLAN.serviceCidr(), PLAN.dnsDomain(), 8443, "",
                PLAN.nodes(), Map.of());
        var api = StaticPodManifests.forNode(plan, TestPlans.named(plan, "master2")).get(0);
        Pod pod = parse(api);
        assertEquals("8443", flags(pod).get("secure-port"));
        assertEquals(8443, container(pod).getReadinessProbe().getHttpGet().getPort().getIntVal());
        assertEquals("10.10.0.12:8443", pod.getMetadata().getAnnotations()
                .get("kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint"));
    }

    @Test
    void controlPlanePodsRequestKubeadmsCpuAndCarryItsLabelsAndAnnotation() {
        var pods = StaticPodManifests.forNode(PLAN, TestPlans.named(PLAN, "master3")).stream()
                .collect(Collectors.toMap(StaticPodManifest::component, StaticPodManifestsTest::parse));
        assertEquals("250m", cpu(pods.get(Component.KUBE_APISERVER)));
        assertEquals("200m", cpu(pods.get(Component.KUBE_CONTROLLER_MANAGER)));
        assertEquals("100m", cpu(pods.get(Component.KUBE_SCHEDULER)));
        for (var component : List.of(Component.KUBE_APISERVER, Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER)) {
            assertEquals(Map.of("component", component.key(), "tier", "control-plane"), pods.get(component).getMetadata().getLabels());
        }
        assertEquals(Map.of("kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint", "10.10.0.13:6443"),
                pods.get(Component.KUBE_APISERVER).getMetadata().getAnnotations());
        var scheduler = StaticPodManifests.forNode(PLAN, TestPlans.named(PLAN, "master3")).get(3);
        assertEquals(Component.KUBE_SCHEDULER, scheduler.component());
        assertFalse(scheduler.yaml().contains("annotations"), "no annotations block at all");
    }

    @Test
    void theApiServerHasEveryFlagItNeedsToServe() {
        Map<String, String> flags = flags(parse(StaticPodManifests.forNode(PLAN, TestPlans.named(PLAN, "master2")).get(0)));
        assertEquals("10.10.0.12", flags.get("advertise-address"));
        assertEquals("https://10.10.0.11:2379,https://10.10.0.12:2379,https://10.10.0.13:2379", flags.get("etcd-servers"));
        assertEquals(PLAN.serviceCidr(), flags.get("service-cluster-ip-range"));
        assertEquals("https://kubernetes.default.svc.cluster.local", flags.get("service-account-issuer"));
        assertEquals("Node,RBAC", flags.get("authorization-mode"));
        assertEquals("NodeRestriction", flags.get("enable-admission-plugins"));
        assertEquals(PkiPaths.ETCD_CA_CERT, flags.get("etcd-cafile"));
        assertEquals(PkiPaths.SA_PUB, flags.get("service-account-key-file"));
        assertEquals(PkiPaths.SA_KEY, flags.get("service-account-signing-key-file"));
        for (String required : List.of("allow-privileged", "client-ca-file", "enable-bootstrap-token-auth", "etcd-certfile",
                "etcd-keyfile", "kubelet-client-certificate", "kubelet-client-key", "kubelet-preferred-address-types",
                "proxy-client-cert-file", "proxy-client-key-file", "requestheader-allowed-names",
                "requestheader-client-ca-file", "requestheader-extra-headers-prefix", "requestheader-group-headers",
                "requestheader-username-headers", "secure-port", "tls-cert-file", "tls-private-key-file", "bind-address")) {
            assertTrue(flags.containsKey(required), "--" + required);
        }
    }

    @Test
    void theControllerManagerAndSchedulerHaveEveryFlagTheyNeed() {
        var pods = StaticPodManifests.forNode(PLAN, TestPlans.named(PLAN, "master1")).stream()
                .collect(Collectors.toMap(StaticPodManifest::component, m -> flags(parse(m))));
        Map<String, String> cm = pods.get(Component.KUBE_CONTROLLER_MANAGER);
        assertEquals("true", cm.get("allocate-node-cidrs"));
        assertEquals(PLAN.podCidr(), cm.get("cluster-cidr"));
        assertEquals(PLAN.serviceCidr(), cm.get("service-cluster-ip-range"));
        assertEquals("prod-east", cm.get("cluster-name"));
        assertEquals(PkiPaths.CA_KEY, cm.get("cluster-signing-key-file"));
        assertEquals(PkiPaths.SA_KEY, cm.get("service-account-private-key-file"));
        assertEquals("127.0.0.1", cm.get("bind-address"));
        assertEquals("true", cm.get("use-service-account-credentials"));
        assertEquals("*,bootstrapsigner,tokencleaner", cm.get("controllers"));
        for (String kubeconfig : List.of("kubeconfig", "authentication-kubeconfig", "authorization-kubeconfig")) {
            assertEquals(PkiPaths.CONTROLLER_MANAGER_CONF, cm.get(kubeconfig));
            assertEquals(PkiPaths.SCHEDULER_CONF, pods.get(Component.KUBE_SCHEDULER).get(kubeconfig));
        }
        assertEquals("true", pods.get(Component.KUBE_SCHEDULER).get("leader-elect"));
        assertEquals("127.0.0.1", pods.get(Component.KUBE_SCHEDULER).get("bind-address"));
    }

    @Test
    void kubeProxyIsPrivilegedAndSeesModulesAndTheXtablesLock() {
        var manifest = StaticPodManifests.forNode(PLAN, TestPlans.named(PLAN, "worker2")).get(0);
        Pod pod = parse(manifest);
        assertEquals(Component.KUBE_PROXY, manifest.component());
        assertEquals(Map.of("component", "kube-proxy", "k8s-app", "kube-proxy", "tier", "node"), pod.getMetadata().getLabels());
        assertTrue(container(pod).getSecurityContext().getPrivileged());
        Map<String, String> flags = flags(pod);
        assertEquals("worker2", flags.get("hostname-override"));
        assertEquals(PLAN.podCidr(), flags.get("cluster-cidr"));
        assertEquals(PkiPaths.KUBE_PROXY_CONF, flags.get("kubeconfig"));
        assertEquals("0.0.0.0:10256", flags.get("healthz-bind-address"));
        var mounts = container(pod).getVolumeMounts().stream().collect(Collectors.toMap(VolumeMount::getMountPath, VolumeMount::getReadOnly));
        assertEquals(Map.of("/lib/modules", true, "/run/xtables.lock", false, PkiPaths.KUBE_PROXY_CONF, true), mounts);
        var types = pod.getSpec().getVolumes().stream().collect(Collectors.toMap(v -> v.getHostPath().getPath(), v -> v.getHostPath().getType()));
        assertEquals("FileOrCreate", types.get("/run/xtables.lock"));
    }

    @Test
    void certificateDirectoriesAreMountedReadOnlyAsDirectoriesAndKubeconfigsAsFiles() {
        var pods = StaticPodManifests.forNode(PLAN, TestPlans.named(PLAN, "master1")).stream()
                .collect(Collectors.toMap(StaticPodManifest::component, StaticPodManifestsTest::parse));
        for (var component : List.of(Component.KUBE_APISERVER, Component.KUBE_CONTROLLER_MANAGER)) {
            Pod pod = pods.get(component);
            var types = pod.getSpec().getVolumes().stream().collect(Collectors.toMap(v -> v.getHostPath().getPath(), v -> v.getHostPath().getType()));
            for (String dir : List.of(PkiPaths.PKI_DIR, "/etc/ssl/certs", "/etc/ca-certificates")) {
                assertEquals("DirectoryOrCreate", types.get(dir), component.key() + " " + dir);
            }
            assertTrue(container(pod).getVolumeMounts().stream()
                    .filter(m -> m.getMountPath().equals(PkiPaths.PKI_DIR)).allMatch(VolumeMount::getReadOnly));
        }
        var cmTypes = pods.get(Component.KUBE_CONTROLLER_MANAGER).getSpec().getVolumes().stream()
                .collect(Collectors.toMap(v -> v.getHostPath().getPath(), v -> v.getHostPath().getType()));
        assertEquals("FileOrCreate", cmTypes.get(PkiPaths.CONTROLLER_MANAGER_CONF));
    }

    @Test
    void mastersGetTheControlPlaneAndWorkersOnlyKubeProxy() {
        assertEquals(List.of("kube-apiserver", "kube-controller-manager", "kube-proxy", "kube-scheduler"),
                StaticPodManifests.forNode(PLAN, TestPlans.named(PLAN, "master1")).stream().map(m -> m.component().key()).toList());
        assertEquals(List.of("kube-proxy"),
                StaticPodManifests.forNode(PLAN, TestPlans.named(PLAN, "worker1")).stream().map(m -> m.component().key()).toList());
    }

    @Test
    void anEtcdOnlyNodeGetsNoStaticPods() {
        var etcd = TestPlans.node("etcd9", "203.0.113.9", "10.10.0.9", Role.ETCD);
        var nodes = new ArrayList<>(PLAN.nodes());
        nodes.add(etcd);
        assertTrue(StaticPodManifests.forNode(PLAN.withNodes(nodes), etcd).isEmpty());
    }

    @Test
    void theMirrorPodNameIsTheComponentAndTheLowercasedNodeName() {
        var node = TestPlans.node("Node001", "203.0.113.1", "10.0.0.1", Role.MASTER, Role.ETCD);
        var plan = PLAN.withNodes(List.of(node));
        var names = StaticPodManifests.forNode(plan, node).stream().map(StaticPodManifest::mirrorPodName).toList();
        assertEquals(List.of("kube-apiserver-node001", "kube-controller-manager-node001", "kube-proxy-node001",
                "kube-scheduler-node001"), names);
    }

    @Test
    void aNodeOutsideThePlanIsRefusedByName() {
        var stranger = TestPlans.node("stranger", "203.0.113.99", "10.10.0.99", Role.MASTER);
        var e = assertThrows(ManifestException.class, () -> StaticPodManifests.forNode(PLAN, stranger));
        assertTrue(e.getMessage().contains("\"stranger\"") && e.getMessage().contains("\"prod-east\""), e.getMessage());
    }

    @Test
    void aPlanWithoutEtcdIsRefusedWithAReason() {
        var master = TestPlans.node("m", "203.0.113.1", "10.0.0.1", Role.MASTER);
        var e = assertThrows(ManifestException.class, () -> StaticPodManifests.forNode(PLAN.withNodes(List.of(master)), master));
        assertTrue(e.getMessage().contains("etcd"), e.getMessage());
    }

    @Test
    void podReturnsAFreshCopyEachTime() {
        var manifest = StaticPodManifests.forNode(PLAN, TestPlans.named(PLAN, "worker1")).get(0);
        manifest.pod().getMetadata().setName("changed");
        assertEquals("kube-proxy", manifest.pod().getMetadata().getName());
        assertFalse(manifest.yaml().contains("changed"));
    }

    private static List<String> paths(Probe... probes) {
        return Stream.of(probes).map(p -> p.getHttpGet().getPath()).toList();
    }

    private static String cpu(Pod pod) {
        return container(pod).getResources().getRequests().get("cpu").toString();
    }
}
