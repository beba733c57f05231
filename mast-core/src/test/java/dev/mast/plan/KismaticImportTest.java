package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KismaticImportTest {
    private static ImportResult sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void importSample() throws IOException, URISyntaxException {
        sample = KismaticImport.read(Path.of(KismaticImportTest.class.getResource("/kismatic/kismatic-cluster.yaml").toURI()));
    }

    private static ImportResult importText(String yaml) throws IOException {
        return KismaticImport.read("kismatic-cluster.yaml", new StringReader(yaml));
    }

    private static Optional<Problem> warningFor(ImportResult result, String path) {
        return result.warnings().stream().filter(w -> w.path().equals(path)).findFirst();
    }

    @Test
    void mergesHostsListedInSeveralGroupsIntoOneNodeWithSeveralRoles() {
        List<Node> nodes = sample.plan().nodes();
        assertEquals(List.of("etcd01", "etcd02", "etcd03", "master01", "master02", "worker01", "worker02", "worker03"),
                nodes.stream().map(Node::hostName).toList());
        assertEquals(EnumSet.of(Role.WORKER, Role.INGRESS), nodes.get(7).sortedRoles());
        assertEquals(EnumSet.of(Role.ETCD), nodes.get(0).sortedRoles());
        assertEquals(EnumSet.of(Role.MASTER), nodes.get(3).sortedRoles());
    }

    @Test
    void keepsBothAddressesOfEachNode() {
        Node master = sample.plan().nodes().get(4);
        assertEquals("192.168.42.22", master.ip());
        assertEquals("10.42.0.22", master.internalIp());
    }

    @Test
    void givesEveryNodeTheClusterSshSettings() {
        var ssh = new SshSettings("kismaticuser", 2222, "/home/ops/.ssh/kismaticuser.key");
        assertTrue(sample.plan().nodes().stream().allMatch(n -> n.ssh().equals(ssh)));
    }

    @Test
    void mapsNetworkingAndTheLoadBalancer() {
        Plan plan = sample.plan();
        assertEquals("acme-prod", plan.name());
        assertEquals("172.16.0.0/16", plan.podCidr());
        assertEquals("172.20.0.0/16", plan.serviceCidr());
        assertEquals("cluster.local", plan.dnsDomain());
        assertEquals("kube.acme.example.com:6443", plan.controlPlaneEndpoint());
        assertEquals("https://kube.acme.example.com:6443", plan.apiServerUrl());
        assertEquals("172.20.0.2", plan.clusterDnsIp());
    }

    @Test
    void optionOverridesBecomeExtraFlags() {
        Plan plan = sample.plan();
        assertEquals(Map.of("audit-log-maxage", "30", "runtime-config", "batch/v2alpha1=true"), plan.extraFlags(Component.KUBE_APISERVER));
        assertEquals(Map.of("node-monitor-grace-period", "50s"), plan.extraFlags(Component.KUBE_CONTROLLER_MANAGER));
        assertEquals(Map.of("proxy-mode", "ipvs"), plan.extraFlags(Component.KUBE_PROXY));
        assertEquals(Map.of("max-pods", "150"), plan.extraFlags(Component.KUBELET));
        assertEquals(Map.of(), plan.extraFlags(Component.KUBE_SCHEDULER));
    }

    @Test
    void dropsAnOverrideOfAFlagMastSetsWithALocatedWarning() {
        assertEquals("kismatic-cluster.yaml:33:7: cluster.kube_apiserver.option_overrides.service-cluster-ip-range:"
                + " Mast sets --service-cluster-ip-range on kube-apiserver itself; the override is dropped",
                warningFor(sample, "cluster.kube_apiserver.option_overrides.service-cluster-ip-range").orElseThrow().toString()
                        .replaceFirst("^.*kismatic-cluster.yaml", "kismatic-cluster.yaml"));
        assertFalse(sample.plan().extraFlags(Component.KUBE_APISERVER).containsKey("service-cluster-ip-range"));
    }

    @Test
    void replacesAnUnsupportedVersionWithTheDefaultAndSaysSo() {
        assertEquals(KubernetesVersion.DEFAULT.toString(), sample.plan().kubernetesVersion());
        Problem warning = warningFor(sample, "cluster.version").orElseThrow();
        assertTrue(warning.message().startsWith("Kubernetes v1.10.5 is not one Mast supports (1.31 to 1.34); the plan uses "
                + KubernetesVersion.DEFAULT), warning.message());
        assertEquals(5, warning.location().orElseThrow().line());
    }

    @Test
    void keepsASupportedVersion() throws IOException {
        ImportResult result = importText("cluster:\n  name: c\n  version: v1.33.2\n");
        assertEquals("1.33.2", result.plan().kubernetesVersion());
        assertTrue(warningFor(result, "cluster.version").isEmpty());
    }

    @Test
    void keepsDockerAsTheRuntimeAndExplainsCriDockerd() {
        assertEquals(ContainerRuntime.DOCKER, sample.plan().runtime());
        Problem warning = warningFor(sample, "docker").orElseThrow();
        assertTrue(warning.message().contains("cri-dockerd"), warning.message());
    }

    @Test
    void warnsAboutEveryFieldWithoutAMastEquivalentAtItsLocation() {
        assertEquals(List.of(
                "cluster.version", "cluster.admin_password", "cluster.networking.update_hosts_files", "cluster.certificates.expiry",
                "cluster.certificates.ca_expiry", "cluster.kube_apiserver.option_overrides.service-cluster-ip-range", "docker",
                "docker.logs", "add_ons.cni", "add_ons.dns", "add_ons.heapster", "add_ons.package_manager", "add_ons.metrics_server",
                "master.nodes[0].labels", "worker.nodes[0].labels", "worker.nodes[0].taints", "worker.nodes[1].kubelet"),
                sample.warnings().stream().map(Problem::path).toList());
        assertTrue(sample.warnings().stream().allMatch(w -> w.location().isPresent()));
        Problem heapster = warningFor(sample, "add_ons.heapster").orElseThrow();
        assertEquals("has no equivalent in Mast; ignored (Heapster is retired; metrics-server gives kubectl top and autoscaling"
                + " their figures)", heapster.message());
        assertEquals(77, heapster.location().orElseThrow().line());
        assertEquals(3, heapster.location().orElseThrow().column());
    }

    @Test
    void saysNothingAboutDefaultsAndDisabledAddOns() {
        for (String quiet : List.of("add_ons.dashboard", "add_ons.rescheduler", "docker_registry", "docker_registry.port",
                "docker.storage", "cluster.cloud_provider", "storage", "nfs", "cluster.networking.http_proxy", "etcd.expected_count")) {
            assertTrue(warningFor(sample, quiet).isEmpty(), quiet);
        }
    }

    @Test
    void neverRepeatsAValueItIgnores() {
        assertTrue(sample.warnings().stream().noneMatch(w -> w.toString().contains("s3cr3t-Adm1n-pw")));
    }

    @Test
    void theImportedPlanPassesValidation() {
        ValidationReport report = new PlanValidator(Path.of("/home/ops"), key -> true).validate(sample.plan());
        assertEquals(List.of(), report.problems());
    }

    @Test
    void theImportedPlanSurvivesSavingAndLoading() throws IOException {
        Path file = dir.resolve("cluster.yaml");
        PlanFile.write(sample.plan(), file);
        assertEquals(sample.plan(), PlanFile.read(file).plan());
    }

    @Test
    void aHostWithDifferentAddressesInTwoGroupsIsAnError() {
        String yaml = """
                cluster:
                  name: c
                etcd:
                  nodes:
                  - host: node01
                    ip: 10.0.0.1
                    internalip: 10.1.0.1
                master:
                  nodes:
                  - host: node01
                    ip: 10.0.0.2
                    internalip: 10.1.0.9
                """;
        var e = assertThrows(PlanFileException.class, () -> importText(yaml));
        assertEquals(List.of(
                "kismatic-cluster.yaml:11:5: master.nodes[0].ip: host node01 has ip 10.0.0.2 here but 10.0.0.1 in etcd.nodes[0].ip"
                        + " (line 6); a machine has one address, make the groups agree",
                "kismatic-cluster.yaml:12:5: master.nodes[0].internalip: host node01 has internalip 10.1.0.9 here but 10.1.0.1 in"
                        + " etcd.nodes[0].internalip (line 7); a machine has one address, make the groups agree"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void anInternalIpGivenInOnlyOneGroupIsNoConflict() throws IOException {
        ImportResult result = importText("""
                etcd:
                  nodes:
                  - {host: node01, ip: 10.0.0.1}
                master:
                  nodes:
                  - {host: node01, ip: 10.0.0.1, internalip: 10.1.0.1}
                """);
        assertEquals(List.of(new Node("node01", "10.0.0.1", "10.1.0.1", EnumSet.of(Role.ETCD, Role.MASTER), SshSettings.UNSET)),
                result.plan().nodes());
    }

    @Test
    void warnsAboutUnknownSections() throws IOException {
        ImportResult result = importText("cluster:\n  name: c\nmonitoring:\n  enabled: true\n");
        assertEquals("kismatic-cluster.yaml:3:1: monitoring: is not a section of any Kismatic release (v1.0 to v1.12); ignored",
                warningFor(result, "monitoring").orElseThrow().toString());
    }

    @Test
    void warnsWhenTheExpectedCountDoesNotMatch() throws IOException {
        ImportResult result = importText("etcd:\n  expected_count: 3\n  nodes:\n  - {host: e1, ip: 10.0.0.1}\n");
        assertEquals("is 3 but 1 etcd nodes are listed; the plan has the 1 listed",
                warningFor(result, "etcd.expected_count").orElseThrow().message());
    }

    @Test
    void fillsInWhatAFileLeavesOutAndSaysSo() throws IOException {
        ImportResult result = importText("master:\n  nodes:\n  - {host: m1, ip: 10.0.0.1}\n");
        Plan plan = result.plan();
        assertEquals("kubernetes", plan.name());
        assertEquals("10.244.0.0/16", plan.podCidr());
        assertEquals("10.96.0.0/12", plan.serviceCidr());
        assertEquals("", plan.controlPlaneEndpoint());
        for (String path : List.of("cluster.name", "cluster.version", "cluster.networking.pod_cidr_block",
                "cluster.networking.service_cidr_block")) {
            assertTrue(warningFor(result, path).isPresent(), path);
        }
    }

    @Test
    void malformedYamlIsALocatedError() {
        var e = assertThrows(PlanFileException.class, () -> importText("cluster:\n  name: c\n   version: v1.10.5\n"));
        Problem problem = e.problems().get(0);
        assertTrue(problem.message().startsWith("YAML syntax error"), problem.message());
        assertEquals(3, problem.location().orElseThrow().line());
    }

    @Test
    void aNodeListThatIsNoListIsAnError() {
        var e = assertThrows(PlanFileException.class, () -> importText("worker:\n  nodes: worker01\n"));
        assertEquals("kismatic-cluster.yaml:2:3: worker.nodes: expected a list, found \"worker01\"", e.problems().get(0).toString());
    }
}
