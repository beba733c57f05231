package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the import makes of each Kismatic setting that Mast has an equivalent for, and of files it must refuse. */
class KismaticMappingTest {
    private static final String NODES = """
            etcd:
              nodes:
              - {host: etcd01, ip: 10.0.0.1}
            master:
              nodes:
              - {host: master01, ip: 10.0.0.2}
              - {host: master02, ip: 10.0.0.3}
            worker:
              nodes:
              - {host: worker01, ip: 10.0.0.4}
            """;

    private static ImportResult importText(String yaml) throws IOException {
        return KismaticImport.read("kismatic-cluster.yaml", new StringReader(yaml));
    }

    private static Optional<Problem> warningFor(ImportResult result, String path) {
        return result.warnings().stream().filter(w -> w.path().equals(path)).findFirst();
    }

    private static List<String> errorsOf(String yaml) {
        var e = assertThrows(PlanFileException.class, () -> importText(yaml));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theLoadBalancerOfV111IsTheControlPlaneEndpointAndNoLeftover() throws IOException {
        ImportResult result = importText("master:\n  load_balancer: 10.0.0.100:8443\n" + NODES.substring(NODES.indexOf("  nodes:\n  - {host: master01")));
        assertEquals("10.0.0.100:8443", result.plan().controlPlaneEndpoint());
        assertTrue(warningFor(result, "master.load_balancer").isEmpty());
    }

    @Test
    void theLoadBalancerWinsOverTheDeprecatedFqdnAndSaysSo() throws IOException {
        ImportResult result = importText("""
                master:
                  load_balancer: lb.example.com:6443
                  load_balanced_fqdn: old-lb.example.com
                  nodes:
                  - {host: master01, ip: 10.0.0.2}
                """);
        assertEquals("lb.example.com:6443", result.plan().controlPlaneEndpoint());
        assertEquals("kismatic-cluster.yaml:3:3: master.load_balanced_fqdn: is deprecated since KET v1.11 and names another"
                + " host than master.load_balancer; the plan's controlPlaneEndpoint is master.load_balancer",
                warningFor(result, "master.load_balanced_fqdn").orElseThrow().toString());
    }

    @Test
    void theFqdnOfOlderReleasesGetsKismaticsPort() throws IOException {
        assertEquals("kube.example.com:6443",
                importText("master:\n  load_balanced_fqdn: kube.example.com\n").plan().controlPlaneEndpoint());
    }

    @Test
    void additionalFilesIsAKismaticSectionThatMastDoesNotCopy() throws IOException {
        ImportResult result = importText("""
                additional_files:
                - hosts: [master]
                  source: /home/ops/policy.yaml
                  destination: /etc/kubernetes/policy.yaml
                  skip_validation: false
                """);
        assertEquals("kismatic-cluster.yaml:1:1: additional_files: has no equivalent in Mast; ignored (Mast copies no other"
                + " files to the nodes; copy them before the install)", warningFor(result, "additional_files").orElseThrow().toString());
    }

    @Test
    void aKeyNoReleaseKnewIsNamedEvenInsideAKnownSection() throws IOException {
        ImportResult result = importText("cluster:\n  networking:\n    pod_cidr: 10.1.0.0/16\n");
        assertEquals("kismatic-cluster.yaml:3:5: cluster.networking.pod_cidr: is not a setting of any Kismatic release (v1.0 to"
                + " v1.12); ignored. Check its spelling and indentation", warningFor(result, "cluster.networking.pod_cidr")
                .orElseThrow().toString());
    }

    @Test
    void theDnsServiceStaysAtKismaticsSecondAddress() throws IOException {
        ImportResult result = importText("cluster:\n  networking:\n    service_cidr_block: 172.20.0.0/16\nadd_ons:\n  dns:\n"
                + "    disable: false\n");
        assertEquals("172.20.0.2", result.plan().clusterDnsIp());
        assertEquals(new ClusterDns("172.20.0.2", true, ClusterDns.DEFAULT_REPLICAS), result.plan().clusterDns());
        assertTrue(warningFor(result, "add_ons.dns").orElseThrow().message().startsWith("Kismatic ran kube-dns at 172.20.0.2; the"
                + " plan keeps 172.20.0.2 as cluster.clusterDns.serviceIp"));
    }

    @Test
    void anExplicitClusterDnsOverrideWinsAndIsNotAnExtraFlag() throws IOException {
        ImportResult result = importText("""
                cluster:
                  networking:
                    service_cidr_block: 172.20.0.0/16
                  kubelet:
                    option_overrides:
                      cluster-dns: 172.20.0.53
                      cluster-domain: corp.local
                """);
        assertEquals("172.20.0.53", result.plan().clusterDnsIp());
        assertEquals("corp.local", result.plan().dnsDomain());
        assertEquals(Map.of(), result.plan().extraFlags(Component.KUBELET));
        assertTrue(warningFor(result, "cluster.kubelet.option_overrides.cluster-dns").orElseThrow().message()
                .startsWith("Kismatic ran kube-dns at 172.20.0.53"));
    }

    @Test
    void aDisabledDnsAddOnAndItsReplicasAreKept() throws IOException {
        assertFalse(importText("add_ons:\n  dns:\n    disable: true\n").plan().clusterDns().coreDns());
        ClusterDns dns = importText("add_ons:\n  dns:\n    provider: coredns\n    options:\n      replicas: 3\n").plan().clusterDns();
        assertTrue(dns.coreDns());
        assertEquals(3, dns.replicas());
    }

    @Test
    void theShortNameAndExtraSansGoIntoTheApiServerCertificate() throws IOException {
        ImportResult result = importText("""
                cluster:
                  certificates:
                    apiserver_cert_extra_sans: "kube.internal, 10.0.0.100"
                master:
                  load_balancer: kube.example.com:6443
                  load_balanced_short_name: kube
                """);
        assertEquals(List.of("kube", "kube.internal", "10.0.0.100"), result.plan().apiServerCert().extraSans());
        assertTrue(warningFor(result, "master.load_balanced_short_name").isEmpty());
        assertTrue(warningFor(result, "cluster.certificates.apiserver_cert_extra_sans").isEmpty());
    }

    @Test
    void aShortNameThatIsTheEndpointsHostAddsNothing() throws IOException {
        ImportResult result = importText("master:\n  load_balanced_fqdn: 10.0.0.2\n  load_balanced_short_name: 10.0.0.2\n");
        assertEquals(List.of(), result.plan().apiServerCert().extraSans());
    }

    @Test
    void thePodNetworkIsNoneAndTheMessageSaysWhatEachCommandDoes() throws IOException {
        ImportResult result = importText("add_ons:\n  cni:\n    provider: weave\n");
        assertEquals(PodNetwork.NONE, result.plan().podNetwork());
        String message = warningFor(result, "add_ons.cni").orElseThrow().message();
        assertEquals("Kismatic installed Weave; Mast applies only flannel, so the plan has podNetwork: none. An upgrade leaves"
                + " Weave running as it is; an install from this plan applies no pod network: install Weave yourself, or set"
                + " podNetwork: flannel for a new cluster", message);
        assertTrue(result.warnings().stream().noneMatch(w -> w.message().contains("Mast does not install a pod network")));
    }

    @Test
    void beforeTheCniSectionKismaticAlwaysRanCalicoInTheNetworkingMode() throws IOException {
        ImportResult result = importText("cluster:\n  networking:\n    type: routed\n");
        assertTrue(warningFor(result, "cluster.networking").orElseThrow().message().startsWith("Kismatic installed Calico"
                + " (routed mode);"));
    }

    @Test
    void aStorageNodeIsKeptAsAWorkerWithAWarningAboutItsStorage() throws IOException {
        ImportResult result = importText(NODES + "storage:\n  nodes:\n  - {host: storage01, ip: 10.0.0.9, internalip: 10.1.0.9}\n"
                + "  - {host: worker01, ip: 10.0.0.4}\n");
        Node storage = result.plan().nodes().stream().filter(n -> n.hostName().equals("storage01")).findFirst().orElseThrow();
        assertEquals(EnumSet.of(Role.WORKER), storage.sortedRoles());
        assertEquals("10.1.0.9", storage.internalIp());
        assertEquals(5, result.plan().nodes().size());
        assertTrue(warningFor(result, "storage.nodes[0]").orElseThrow().message().startsWith("storage node storage01: Mast keeps"
                + " its kubelet and kube-proxy (role worker); the GlusterFS server"));
        assertTrue(warningFor(result, "storage.nodes[1]").isPresent());
    }

    @Test
    void aNodeWithoutHostOrAddressIsALocatedError() {
        assertEquals(List.of(
                "kismatic-cluster.yaml:4:5: worker.nodes[0].host: is empty; every node needs its host name, the name its kubelet"
                        + " registers under",
                "kismatic-cluster.yaml:7:5: worker.nodes[1].ip: is empty; every node needs the address Mast connects to over SSH"),
                errorsOf("""
                        worker:
                          nodes:
                          - ip: 10.0.0.1
                            host: ""
                          - host: worker02
                            internalip: 10.1.0.2
                            ip:
                        """));
    }

    @Test
    void aTemplatePlaceholderIsALocatedError() {
        assertEquals(List.of("kismatic-cluster.yaml:4:5: etcd.nodes[0].ip: holds the template placeholder ${etcd0_ip}: this file"
                + " is a template (Terraform's, for example) that was never filled in; import the file it renders"),
                errorsOf("etcd:\n  nodes:\n  - host: etcd-0\n    ip: ${etcd0_ip}\n"));
        assertEquals(1, errorsOf("master:\n  load_balanced_fqdn: ${loadbalancer_ip}\n").size());
    }

    @Test
    void anOverrideOfAFlagThePlansReleaseRemovedIsDroppedAtItsLine() throws IOException {
        ImportResult result = importText("""
                cluster:
                  kube_apiserver:
                    option_overrides:
                      insecure-port: "8080"
                      admission-control: NamespaceLifecycle,LimitRanger
                  kube_proxy:
                    option_overrides:
                      proxy-mode: userspace
                """);
        assertEquals(Map.of("admission-control", "NamespaceLifecycle,LimitRanger"), result.plan().extraFlags(Component.KUBE_APISERVER));
        assertEquals(Map.of(), result.plan().extraFlags(Component.KUBE_PROXY));
        assertTrue(warningFor(result, "cluster.kube_apiserver.option_overrides.insecure-port").orElseThrow().toString()
                .startsWith("kismatic-cluster.yaml:4:7: cluster.kube_apiserver.option_overrides.insecure-port: --insecure-port was"
                        + " removed from kube-apiserver in Kubernetes 1.24"));
        assertTrue(warningFor(result, "cluster.kube_apiserver.option_overrides.admission-control").orElseThrow().message()
                .contains("enable-admission-plugins"));
        assertTrue(warningFor(result, "cluster.kube_proxy.option_overrides.proxy-mode").isPresent());
    }

    @Test
    void anAuditLogDirectlyUnderVarLogIsKeptButReportedAtImport() throws IOException {
        ImportResult result = importText("cluster:\n  kube_apiserver:\n    option_overrides:\n"
                + "      audit-log-path: /var/log/kube-apiserver-audit.log\n");
        assertEquals("/var/log/kube-apiserver-audit.log", result.plan().extraFlags(Component.KUBE_APISERVER).get("audit-log-path"));
        assertTrue(warningFor(result, "cluster.kube_apiserver.option_overrides.audit-log-path").orElseThrow().message()
                .endsWith("mast validate refuses the plan until it is moved"));
    }
}
