package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many nodes start, each answers over SSH on its own address, and closing releases every port and thread. */
class ClusterScaleTest {
    private record Endpoint(String host, int port) { }

    @TempDir
    Path tmp;

    private static Set<String> simulatorThreads() {
        Set<String> names = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (thread.isAlive() && (name.startsWith("sim-") || name.startsWith("sshd-") || name.contains("SftpSubsystem"))) {
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void fiftyNodesStartAnswerAndReleaseTheirPortsAndThreads() throws Exception {
        Set<String> before = simulatorThreads();
        List<Endpoint> endpoints = new ArrayList<>();
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(50))) {
            assertEquals(50, sim.cluster.nodes().size());
            assertEquals(3, sim.cluster.masters().size());
            Set<String> addresses = new HashSet<>();
            for (SimulatedNode node : sim.cluster.nodes()) {
                assertEquals(node.hostName() + "\n", sim.run(node.hostName(), "hostname"));
                addresses.add(node.address());
                endpoints.add(new Endpoint(node.address(), node.port()));
            }
            assertEquals(50, addresses.size(), "every node has its own address");
            assertTrue(addresses.contains("127.0.0.2") && addresses.contains("127.0.0.51"));
            endpoints.add(new Endpoint("127.0.0.1", sim.cluster.apiPort()));
        }
        for (Endpoint endpoint : endpoints) {
            assertThrows(ConnectException.class, () -> new Socket(endpoint.host(), endpoint.port()).close(),
                    "nothing listens on " + endpoint + " any more");
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(endpoint.host()), endpoint.port()));
            }
        }
        SimFixture.await("the simulator's threads have ended", () -> {
            Set<String> left = simulatorThreads();
            left.removeAll(before);
            return left.isEmpty();
        });
    }
}
