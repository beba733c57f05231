package dev.mast.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Node;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class NodeLinesTest {
    private static final SshSettings DEFAULTS = new SshSettings("ops", 2200, "~/.ssh/ops");

    @Test
    void readsHostIpAndRolesWithTheDefaultSshSettings() {
        var result = NodeLines.parse("node001 10.0.0.11 etcd,master", DEFAULTS);

        assertEquals(1, result.nodes().size());
        Node node = result.nodes().get(0);
        assertEquals("node001", node.hostName());
        assertEquals("10.0.0.11", node.ip());
        assertEquals("10.0.0.11", node.internalIp());
        assertEquals(EnumSet.of(Role.ETCD, Role.MASTER), node.sortedRoles());
        assertEquals(DEFAULTS, node.ssh());
    }

    @Test
    void readsAnInternalIpAndEverySshField() {
        Node node = NodeLines.parse("node004 192.168.1.21 10.0.0.21 worker,ingress ubuntu 2222 ~/.ssh/cluster", DEFAULTS).nodes().get(0);

        assertEquals("10.0.0.21", node.internalIp());
        assertEquals(EnumSet.of(Role.WORKER, Role.INGRESS), node.sortedRoles());
        assertEquals(new SshSettings("ubuntu", 2222, "~/.ssh/cluster"), node.ssh());
    }

    @Test
    void skipsBlankLinesAndCommentsAndKeepsLineNumbersOfBadLines() {
        var result = NodeLines.parse("# masters\n\nnode001 10.0.0.11 etcd\nnode002 10.0.0.300 worker\n", DEFAULTS);

        assertEquals(1, result.nodes().size());
        assertEquals(1, result.badLines().size());
        assertEquals(4, result.badLines().get(0).number());
        assertEquals("Line 4: IP address \"10.0.0.300\" is not an IPv4 address", result.badLines().get(0).toString());
    }

    @Test
    void reportsAnUnknownRoleAndKeepsTheGoodLines() {
        var result = NodeLines.parse("node001 10.0.0.11 etcd,master\nnode002 10.0.0.12 workr\nnode003 10.0.0.13 worker", DEFAULTS);

        assertEquals(2, result.nodes().size());
        assertEquals(2, result.badLines().get(0).number());
        assertTrue(result.badLines().get(0).reason().contains("unknown role \"workr\""), result.badLines().get(0).reason());
    }

    @Test
    void reportsLinesWithTooFewOrTooManyFields() {
        var result = NodeLines.parse("node001 10.0.0.11\nnode002 10.0.0.12 worker root 22 ~/.ssh/k extra", DEFAULTS);

        assertEquals(0, result.nodes().size());
        assertTrue(result.badLines().get(0).reason().startsWith("expected at least a host name"));
        assertTrue(result.badLines().get(1).reason().contains("more than"));
    }

    @Test
    void reportsAPortThatIsNotANumberOrOutOfRange() {
        var result = NodeLines.parse("node001 10.0.0.11 worker root ssh\nnode002 10.0.0.12 worker root 70000", DEFAULTS);

        assertEquals("SSH port \"ssh\" is not a number; use a port from 1 to 65535", result.badLines().get(0).reason());
        assertTrue(result.badLines().get(1).reason().contains("70000 is not a port number"));
    }

    @Test
    void reportsAHostNameThatIsNotADnsLabel() {
        var result = NodeLines.parse("Node_1 10.0.0.11 worker", DEFAULTS);

        assertTrue(result.badLines().get(0).reason().startsWith("host name \"Node_1\" is not a DNS label"));
    }
}
