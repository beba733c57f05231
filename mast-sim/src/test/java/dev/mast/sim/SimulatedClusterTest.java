package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Role;
import dev.mast.sim.machine.SimTiming;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building a simulated cluster: roles and addresses, and clear refusals of bad settings. */
class SimulatedClusterTest {
    @TempDir
    Path tmp;

    @Test
    void theFirstNodesAreMastersAndEtcdAndEachHasItsOwnAddress() throws Exception {
        KeyPair keys = SshTestClient.newKeyPair();
        try (SimulatedCluster cluster = SimulatedCluster.builder().nodes(4).masters(2).authorizedKey(keys.getPublic())
                .timing(SimTiming.fast()).start()) {
            assertEquals(Set.of(Role.ETCD, Role.MASTER), cluster.node("node002").spec().roles());
            assertEquals(Set.of(Role.WORKER), cluster.node("node003").spec().roles());
            assertEquals("127.0.0.5", cluster.node("node004").address());
            assertTrue(cluster.controlPlaneEndpoint().matches("127\\.0\\.0\\.1:\\d+"));
            assertTrue(cluster.node("node001").knownHostsLine().matches("\\[127\\.0\\.0\\.2]:\\d+ ssh-ed25519 AAAA\\S+"));
        }
    }

    @Test
    void addressesNeverUseLoopbackOneOrBroadcastOctets() {
        assertEquals("127.0.0.2", SimulatedCluster.Builder.address(0));
        assertEquals("127.0.0.254", SimulatedCluster.Builder.address(252));
        assertEquals("127.0.1.1", SimulatedCluster.Builder.address(253));
        assertEquals("127.0.1.254", SimulatedCluster.Builder.address(506));
        assertEquals("127.0.2.1", SimulatedCluster.Builder.address(507));
    }

    @Test
    void badSettingsAreRefusedWithTheReason() throws Exception {
        KeyPair keys = SshTestClient.newKeyPair();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SimulatedCluster.builder().nodes(2).masters(3)
                .authorizedKey(keys.getPublic()).start()).getMessage().contains("masters must be between 1 and 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SimulatedCluster.builder().nodes(0)).getMessage()
                .contains("1 to 60000 nodes"));
        assertTrue(assertThrows(NullPointerException.class, () -> SimulatedCluster.builder().nodes(1).start()).getMessage()
                .contains("public key"));
    }

    @Test
    void aWorkFolderIsNotReusedByAnotherSimulation() throws Exception {
        KeyPair keys = SshTestClient.newKeyPair();
        SimulatedCluster.builder().nodes(1).authorizedKey(keys.getPublic()).timing(SimTiming.fast()).workDir(tmp).start().close();
        IOException refused = assertThrows(IOException.class, () -> SimulatedCluster.builder().nodes(1)
                .authorizedKey(keys.getPublic()).timing(SimTiming.fast()).workDir(tmp).start());
        assertTrue(refused.getMessage().contains("is not empty"), refused.getMessage());
        assertTrue(refused.getMessage().contains(tmp.resolve("node001").resolve("root").toString()), refused.getMessage());
    }
}
