package dev.mast.workflow.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ClusterDns;
import dev.mast.plan.Plan;
import dev.mast.plan.PodNetwork;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan says which add-ons an install applies and which of them it waits for. */
class ApplyAddonsTest {
    private static final Plan PLAN = Plan.defaults("prod");

    private static List<String> kinds(List<HasMetadata> objects) {
        return objects.stream().map(o -> o.getKind() + " " + o.getMetadata().getName()).toList();
    }

    @Test
    void byDefaultFlannelAndCoreDnsAreAppliedAndAwaited() {
        List<String> applied = kinds(ApplyAddons.objects(PLAN));
        assertTrue(applied.contains("DaemonSet kube-flannel-ds"), applied.toString());
        assertTrue(applied.contains("Deployment coredns"), applied.toString());
        assertEquals(applied, kinds(ApplyAddons.awaited(PLAN)));
    }

    @Test
    void withoutAPodNetworkCoreDnsIsAppliedButNotAwaited() {
        Plan plan = PLAN.withPodNetwork(PodNetwork.NONE);
        List<String> applied = kinds(ApplyAddons.objects(plan));
        assertTrue(applied.stream().noneMatch(o -> o.contains("flannel")), applied.toString());
        assertTrue(applied.contains("Deployment coredns"), applied.toString());
        assertTrue(kinds(ApplyAddons.awaited(plan)).stream().noneMatch(o -> o.contains("coredns")));
        assertTrue(ApplyAddons.notApplied(plan).stream()
                .anyMatch(line -> line.startsWith("no pod network applied (podNetwork: none)")));
    }

    @Test
    void withoutCoreDnsNoDnsObjectIsApplied() {
        Plan plan = PLAN.withClusterDns(ClusterDns.DEFAULT.withCoreDns(false));
        List<String> applied = kinds(ApplyAddons.objects(plan));
        assertTrue(applied.stream().noneMatch(o -> o.contains("coredns") || o.contains("kube-dns")), applied.toString());
        assertTrue(applied.contains("DaemonSet kube-flannel-ds"));
        assertTrue(ApplyAddons.notApplied(plan).contains(
                "no CoreDNS applied (clusterDns.coreDns: false): pods ask 10.96.0.10 for names; run a DNS service there"));
    }
}
