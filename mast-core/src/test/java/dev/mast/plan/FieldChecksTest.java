package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-field checks a form calls while the user types. */
class FieldChecksTest {

    @Test
    void acceptsGoodValues() {
        assertEquals(Optional.empty(), FieldChecks.ipv4("10.0.0.1"));
        assertEquals(Optional.empty(), FieldChecks.cidr("10.96.0.0/12"));
        assertEquals(Optional.empty(), FieldChecks.dnsLabel("node-001"));
        assertEquals(Optional.empty(), FieldChecks.dnsName("cluster.local"));
        assertEquals(Optional.empty(), FieldChecks.port(65535));
        assertEquals(Optional.empty(), FieldChecks.hostPort("lb.example.com:6443"));
        assertEquals(Optional.empty(), FieldChecks.kubernetesVersion("1.31"));
        assertEquals(Optional.empty(), FieldChecks.extraFlag(Component.KUBE_APISERVER, "audit-log-maxage"));
    }

    @Test
    void aCidrWithoutPrefixIsNotMistakenForHostBits() {
        assertTrue(FieldChecks.cidr("10.96.0.0/40").orElseThrow().contains("is not a CIDR"));
        assertTrue(FieldChecks.cidr("10.96.0.0/1x").orElseThrow().contains("is not a CIDR"));
    }

    @Test
    void hostBitsAreExplainedWithTheNetworkMeant() {
        assertEquals("\"192.168.1.7/24\" has host bits set: the address of a /24 network ends in zero bits; did you mean 192.168.1.0/24?",
                FieldChecks.cidr("192.168.1.7/24").orElseThrow());
    }

    @Test
    void aManagedFlagIsRefusedForItsOwnComponentOnly() {
        assertTrue(FieldChecks.extraFlag(Component.KUBE_PROXY, "cluster-cidr").isPresent());
        assertEquals(Optional.empty(), FieldChecks.extraFlag(Component.KUBE_SCHEDULER, "cluster-cidr"));
    }

    @Test
    void aSingleDashFlagIsAlsoToldToDropTheDashes() {
        assertEquals("\"-v\": write it without --, as \"v\"", FieldChecks.extraFlag(Component.KUBELET, "-v").orElseThrow());
    }
}
