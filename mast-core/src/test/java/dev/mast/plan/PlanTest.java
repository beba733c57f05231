package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanTest {
    private static final Node MASTER = new Node("node001", "192.168.1.11", "10.0.0.11", Set.of(Role.MASTER, Role.ETCD), SshSettings.DEFAULT);
    private static final Node WORKER = new Node("node002", "192.168.1.12", "10.0.0.12", Set.of(Role.WORKER), SshSettings.DEFAULT);

    @Test
    void aNewVersionKeepsEveryOtherSetting() {
        Plan plan = Plan.defaults("prod").withNodes(List.of(MASTER)).withSsh(new SshSettings("admin", 2222, "~/.ssh/k", ""))
                .withClusterDns(new ClusterDns("10.96.0.53", false, 3)).withPodNetwork(PodNetwork.NONE)
                .withApiServerCert(new ApiServerCert(List.of("api.example.com")))
                .withSources(new Sources(ProgramSource.BINARIES, "", "", "https://mirror.example/k8s", "", "", EtcdSource.RELEASE));

        Plan newer = plan.withKubernetesVersion("1.33.7");

        assertEquals("1.33.7", newer.kubernetesVersion());
        assertEquals(plan.withKubernetesVersion(plan.kubernetesVersion()), plan, "nothing but the version changed");
        assertEquals(plan.ssh(), newer.ssh());
        assertEquals(plan.clusterDns(), newer.clusterDns());
        assertEquals(plan.podNetwork(), newer.podNetwork());
        assertEquals(plan.apiServerCert(), newer.apiServerCert());
        assertEquals(plan.sources(), newer.sources());
    }

    @Test
    void theClusterDnsIsTheTenthAddressOfTheServiceCidr() {
        Plan plan = Plan.defaults("prod");
        assertEquals("10.96.0.10", plan.clusterDnsIp());
        assertEquals("10.96.0.1", plan.apiServerServiceIp());
    }

    @Test
    void derivedAddressesFollowAnotherServiceCidr() {
        Plan plan = TestPlans.withServiceCidr(Plan.defaults("prod"), "172.20.0.0/16");
        assertEquals("172.20.0.10", plan.clusterDnsIp());
        assertEquals("172.20.0.1", plan.apiServerServiceIp());
    }

    @Test
    void withoutAnEndpointTheApiServerIsTheFirstMastersInternalAddress() {
        Plan plan = Plan.defaults("prod").withNodes(List.of(WORKER, MASTER));
        assertEquals("https://10.0.0.11:6443", plan.apiServerUrl());
    }

    @Test
    void anEndpointWithAPortIsUsedAsWritten() {
        Plan plan = TestPlans.withEndpoint(Plan.defaults("prod").withNodes(List.of(MASTER)), "lb.example.com:8443");
        assertEquals("lb.example.com", plan.apiServerHost());
        assertEquals(8443, plan.apiServerEndpointPort());
        assertEquals("https://lb.example.com:8443", plan.apiServerUrl());
    }

    @Test
    void anEndpointWithoutAPortUsesTheApiServerPort() {
        Plan plan = TestPlans.withEndpoint(Plan.defaults("prod"), "lb.example.com");
        assertEquals("https://lb.example.com:6443", plan.apiServerUrl());
    }

    @Test
    void selectsNodesByRole() {
        Plan plan = Plan.defaults("prod").withNodes(List.of(MASTER, WORKER));
        assertEquals(List.of(MASTER), plan.masters());
        assertEquals(List.of(MASTER), plan.etcdNodes());
        assertEquals(List.of(WORKER), plan.nodesWith(Role.WORKER));
    }

    @Test
    void dropsComponentsWithoutExtraFlagsAndKeepsFlagOrder() {
        var flags = new LinkedHashMap<String, String>();
        flags.put("b-flag", "1");
        flags.put("a-flag", "2");
        Plan plan = Plan.defaults("prod").withExtraFlags(Map.of(Component.KUBE_APISERVER, flags, Component.KUBELET, Map.of()));
        assertEquals(Set.of(Component.KUBE_APISERVER), plan.extraFlags().keySet());
        assertEquals(List.of("b-flag", "a-flag"), List.copyOf(plan.extraFlags(Component.KUBE_APISERVER).keySet()));
        assertEquals(Map.of(), plan.extraFlags(Component.ETCD));
    }

    @Test
    void derivedValuesOfAnInvalidPlanFailWithTheValue() {
        Plan plan = TestPlans.withServiceCidr(Plan.defaults("prod"), "10.96.0.1/12");
        var e = assertThrows(IllegalStateException.class, plan::clusterDnsIp);
        assertTrue(e.getMessage().contains("10.96.0.1/12"), e.getMessage());
    }
}
