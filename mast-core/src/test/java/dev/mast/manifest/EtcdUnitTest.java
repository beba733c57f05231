package dev.mast.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtcdUnitTest {
    private static final Plan PLAN = TestPlans.threeMasters();

    /** The unit's flags as systemd would pass them, name to value. */
    private static Map<String, String> flags(Plan plan, String host, Map<String, String> carried) {
        List<String> argv = SystemdUnitParser.execStart(EtcdUnit.unit(plan, TestPlans.named(plan, host), carried));
        assertEquals(KubePaths.ETCD_BINARY, argv.get(0));
        var flags = new LinkedHashMap<String, String>();
        for (String argument : argv.subList(1, argv.size())) {
            int eq = argument.indexOf('=');
            assertEquals(null, flags.put(argument.substring(2, eq), argument.substring(eq + 1)), "repeated " + argument);
        }
        return flags;
    }

    @Test
    void aMemberServesClientsAndPeersOverTlsOnItsInternalAddress() {
        var flags = flags(PLAN, "master2", Map.of());
        assertEquals("master2", flags.get("name"));
        assertEquals("/var/lib/etcd", flags.get("data-dir"));
        assertEquals("/etc/kubernetes/pki/etcd/server.crt", flags.get("cert-file"));
        assertEquals("/etc/kubernetes/pki/etcd/server.key", flags.get("key-file"));
        assertEquals("true", flags.get("client-cert-auth"));
        assertEquals("/etc/kubernetes/pki/etcd/ca.crt", flags.get("trusted-ca-file"));
        assertEquals("/etc/kubernetes/pki/etcd/peer.crt", flags.get("peer-cert-file"));
        assertEquals("/etc/kubernetes/pki/etcd/peer.key", flags.get("peer-key-file"));
        assertEquals("true", flags.get("peer-client-cert-auth"));
        assertEquals("/etc/kubernetes/pki/etcd/ca.crt", flags.get("peer-trusted-ca-file"));
        assertEquals("https://10.10.0.12:2379,https://127.0.0.1:2379", flags.get("listen-client-urls"));
        assertEquals("https://10.10.0.12:2379", flags.get("advertise-client-urls"));
        assertEquals("https://10.10.0.12:2380", flags.get("listen-peer-urls"));
        assertEquals("https://10.10.0.12:2380", flags.get("initial-advertise-peer-urls"));
        assertEquals("http://127.0.0.1:2381", flags.get("listen-metrics-urls"));
        assertEquals("new", flags.get("initial-cluster-state"));
        assertEquals("prod-east", flags.get("initial-cluster-token"));
    }

    @Test
    void aMemberOnALoopbackAddressListensOnItOnce() {
        var plan = PLAN.withNodes(List.of(TestPlans.node("sim1", "127.0.0.2", "127.0.0.1", Role.ETCD, Role.MASTER)));
        assertEquals("https://127.0.0.1:2379", flags(plan, "sim1", Map.of()).get("listen-client-urls"));
    }

    @Test
    void theInitialClusterListsEveryEtcdNodeInPlanOrder() {
        var nodes = List.of(
                TestPlans.node("e3", "203.0.113.3", "10.0.0.3", Role.ETCD),
                TestPlans.node("m1", "203.0.113.1", "10.0.0.1", Role.MASTER),
                TestPlans.node("e1", "203.0.113.5", "10.0.0.5", Role.ETCD));
        var plan = PLAN.withNodes(nodes);
        assertEquals("e3=https://10.0.0.3:2380,e1=https://10.0.0.5:2380", flags(plan, "e1", Map.of()).get("initial-cluster"));
    }

    @Test
    void extraFlagsAreAddedButCannotMoveTheDataDir() {
        var plan = PLAN.withExtraFlags(Map.of(Component.ETCD, Map.of("quota-backend-bytes", "4294967296", "data-dir", "/tmp/etcd")));
        var flags = flags(plan, "master1", Map.of("auto-compaction-retention", "8", "quota-backend-bytes", "1"));
        assertEquals("4294967296", flags.get("quota-backend-bytes"));
        assertEquals("/var/lib/etcd", flags.get("data-dir"));
        assertEquals("8", flags.get("auto-compaction-retention"));
    }

    @Test
    void theServiceRestartsAlwaysAndTellsSystemdWhenItServes() {
        String unit = EtcdUnit.unit(PLAN, TestPlans.named(PLAN, "master1"), Map.of());
        String service = unit.substring(unit.indexOf("[Service]"), unit.indexOf("[Install]"));
        assertTrue(service.contains("\nRestart=always\n"), service);
        assertTrue(service.contains("\nType=notify\n"), service);
        assertTrue(unit.contains("[Install]\nWantedBy=multi-user.target\n"), unit);
    }

    @Test
    void aNodeThatIsNotAnEtcdMemberGetsNoUnit() {
        assertTrue(EtcdUnit.forNode(PLAN, TestPlans.named(PLAN, "worker1"), Map.of()).isEmpty());
        assertEquals(KubePaths.ETCD_UNIT, EtcdUnit.forNode(PLAN, TestPlans.named(PLAN, "master1"), Map.of()).orElseThrow().path());
    }
}
