package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster DNS, pod network and API server certificate settings: read, written, defaulted and validated. */
class PlanSettingsTest {
    private static final String BASE = """
            cluster:
              name: prod
              kubernetesVersion: "1.34"
              containerRuntime: containerd
              podCidr: 10.244.0.0/16
              serviceCidr: 172.20.0.0/16
              dnsDomain: cluster.local
              apiServerPort: 6443
              controlPlaneEndpoint: kube.example.com:6443
            %s
            nodes:
              - {hostName: node001, ip: 10.0.0.11, roles: [etcd, master, worker]}
            """;

    private final PlanValidator validator = new PlanValidator(Path.of("/home/ops"), key -> true);

    @TempDir
    Path dir;

    private static LoadedPlan parse(String settings) throws IOException {
        return PlanFile.parse("cluster.yaml", BASE.formatted(settings));
    }

    private List<String> problems(String settings) throws IOException {
        return validator.validate(parse(settings)).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aPlanWithoutTheSettingsGetsTheDefaults() throws IOException {
        Plan plan = parse("").plan();
        assertEquals(ClusterDns.DEFAULT, plan.clusterDns());
        assertEquals(PodNetwork.FLANNEL, plan.podNetwork());
        assertEquals(List.of(), plan.apiServerCert().extraSans());
        assertEquals("172.20.0.10", plan.clusterDnsIp());
    }

    @Test
    void readsAndWritesEverySetting() throws IOException {
        Plan plan = parse("""
                  clusterDns: {serviceIp: 172.20.0.2, coreDns: false, replicas: 3}
                  podNetwork: none
                  apiServerCertSans: [kube, "*.kube.example.com", 10.0.0.100]
                """).plan();
        assertEquals(new ClusterDns("172.20.0.2", false, 3), plan.clusterDns());
        assertEquals("172.20.0.2", plan.clusterDnsIp());
        assertEquals(PodNetwork.NONE, plan.podNetwork());
        assertEquals(List.of("kube", "*.kube.example.com", "10.0.0.100"), plan.apiServerCert().extraSans());
        Path file = dir.resolve("cluster.yaml");
        PlanFile.write(plan, file);
        assertEquals(plan, PlanFile.read(file).plan());
        String written = java.nio.file.Files.readString(file);
        assertTrue(written.contains("  clusterDns:\n    serviceIp: 172.20.0.2\n    coreDns: false\n    replicas: 3\n"
                + "  podNetwork: none\n  apiServerCertSans: [kube, '*.kube.example.com', 10.0.0.100]\n"), written);
        assertEquals(List.of(), validator.validate(plan).problems());
    }

    @Test
    void defaultsAreNotWritten() throws IOException {
        Path file = dir.resolve("cluster.yaml");
        PlanFile.write(parse("").plan(), file);
        String written = java.nio.file.Files.readString(file);
        assertTrue(!written.contains("clusterDns") && !written.contains("podNetwork") && !written.contains("apiServerCertSans"), written);
    }

    @Test
    void wrongKindsAndUnknownValuesAreLocatedErrorsOfTheFile() {
        var e = assertThrows(PlanFileException.class, () -> parse("""
                  clusterDns: {coreDns: maybe, replicas: two, address: 172.20.0.2}
                  podNetwork: calico
                  apiServerCertSans: kube
                """));
        assertEquals(List.of(
                "cluster.yaml:10:47: cluster.clusterDns.address: unknown key \"address\"; cluster.clusterDns takes serviceIp, coreDns, replicas",
                "cluster.yaml:10:25: cluster.clusterDns.coreDns: \"maybe\" is not true or false",
                "cluster.yaml:10:42: cluster.clusterDns.replicas: \"two\" is not a number of pods, such as 2",
                "cluster.yaml:11:15: cluster.podNetwork: \"calico\" is not a pod network Mast applies; use flannel, or none to"
                        + " install your own CNI plugin",
                "cluster.yaml:12:22: cluster.apiServerCertSans: expected a list such as [lb.example.com, 10.0.0.100], found \"kube\""),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void theDnsAddressMustBeAFreeAddressOfTheServiceCidr() throws IOException {
        assertEquals(List.of("cluster.yaml:10:27: cluster.clusterDns.serviceIp: 10.96.0.10 is outside the service CIDR 172.20.0.0/16;"
                + " the DNS service needs an address of it, e.g. 172.20.0.10 (leave serviceIp out for that one)"),
                problems("  clusterDns: {serviceIp: 10.96.0.10}"));
        assertEquals(List.of("cluster.yaml:10:27: cluster.clusterDns.serviceIp: 172.20.0.1 is the kubernetes service's address;"
                + " use another address of 172.20.0.0/16, e.g. 172.20.0.10"), problems("  clusterDns: {serviceIp: 172.20.0.1}"));
        assertEquals(1, problems("  clusterDns: {serviceIp: 172.20.255.255}").size());
        assertEquals(1, problems("  clusterDns: {serviceIp: 172.20.0.0}").size());
        assertEquals("cluster.yaml:10:27: cluster.clusterDns.serviceIp: \"172.20.0\" is not an IPv4 address",
                problems("  clusterDns: {serviceIp: 172.20.0}").get(0));
    }

    @Test
    void coreDnsNeedsAReplicaUnlessMastDoesNotApplyIt() throws IOException {
        assertEquals(1, problems("  clusterDns: {replicas: 0}").size());
        assertEquals(List.of(), problems("  clusterDns: {coreDns: false, replicas: 0}"));
    }

    @Test
    void everyExtraNameMustBeADnsNameOrAnAddress() throws IOException {
        assertEquals(List.of("cluster.yaml:10:29: cluster.apiServerCertSans[1]: \"kube_lb\" is neither a DNS name (such as"
                + " kube.example.com or *.example.com) nor an IPv4 address",
                "cluster.yaml:10:38: cluster.apiServerCertSans[2]: \"10.0.0.300\" is neither a DNS name (such as kube.example.com"
                        + " or *.example.com) nor an IPv4 address"),
                problems("  apiServerCertSans: [kube, kube_lb, 10.0.0.300]"));
    }

    @Test
    void severalMastersWithoutAnEndpointIsAWarning() {
        Plan plan = TestPlans.withEndpoint(TestPlans.threeMasters(), "");
        List<Problem> problems = validator.validate(plan).problemsFor("cluster.controlPlaneEndpoint");
        assertEquals(1, problems.size());
        assertEquals(Severity.WARNING, problems.get(0).severity());
        assertTrue(problems.get(0).message().startsWith("3 nodes have the master role but there is no control plane endpoint"));
    }

    @Test
    void theOlderConstructorAndTheWithMethodsKeepTheSettings() {
        Plan plan = TestPlans.threeMasters().withClusterDns(new ClusterDns("10.96.0.2", true, 1))
                .withPodNetwork(PodNetwork.NONE).withApiServerCert(new ApiServerCert(List.of("kube")));
        Plan moved = plan.withNodes(plan.nodes().subList(0, 1)).withExtraFlags(java.util.Map.of());
        assertEquals(plan.clusterDns(), moved.clusterDns());
        assertEquals(PodNetwork.NONE, moved.podNetwork());
        assertEquals(List.of("kube"), moved.apiServerCert().extraSans());
        assertEquals(ClusterDns.DEFAULT, Plan.defaults("c").clusterDns());
    }
}
