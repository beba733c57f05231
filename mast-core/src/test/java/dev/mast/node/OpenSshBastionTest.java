package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Node;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes behind jump hosts, all of them OpenSSH's sshd on loopback: the route comes from an
 * ssh_config with Host patterns, Include and ProxyJump, each hop's host key is checked like a
 * node's, and one connection to a jump host carries every node's tunnel.
 */
class OpenSshBastionTest {
    @TempDir
    static Path base;
    static OpenSshServer bastion;
    static OpenSshServer inner;
    static OpenSshServer node1;
    static OpenSshServer node2;
    static Path key;

    @TempDir
    Path dir;
    Path knownHosts;

    @BeforeAll
    static void startServers() throws Exception {
        Assumptions.assumeTrue(OpenSshServer.available(), "OpenSSH sshd is not installed");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "sshd tests run as root");
        // DEBUG1 makes sshd log each direct-tcpip tunnel it opens.
        bastion = OpenSshServer.start(Files.createDirectories(base.resolve("bastion")), List.of("LogLevel DEBUG1"));
        inner = OpenSshServer.start(Files.createDirectories(base.resolve("inner")), List.of("LogLevel DEBUG1"));
        node1 = OpenSshServer.start(Files.createDirectories(base.resolve("node1")));
        node2 = OpenSshServer.start(Files.createDirectories(base.resolve("node2")));
        key = TestKeys.generate(base, "operator_ed25519", "ed25519");
        for (OpenSshServer server : List.of(bastion, inner, node1, node2)) {
            server.authorize("root", key);
        }
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (OpenSshServer server : new OpenSshServer[] {bastion, inner, node1, node2}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void trustAll() throws Exception {
        knownHosts = dir.resolve("known_hosts");
        List<String> lines = new ArrayList<>();
        for (OpenSshServer server : List.of(bastion, inner, node1, node2)) {
            lines.add("[127.0.0.1]:" + server.port + " " + TestKeys.publicLine(server.hostKey));
        }
        Files.write(knownHosts, lines);
    }

    /** The operator's ~/.ssh/config: the bastion in an included file, the nodes by name pattern. */
    private SshConfig config(String proxyJump) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("config.d"));
        Files.writeString(conf.resolve("bastions.conf"), """
                Host bastion
                  HostName 127.0.0.1
                  Port %d
                Host inner-bastion
                  HostName 127.0.0.1
                  Port %d
                """.formatted(bastion.port, inner.port));
        Path config = Files.writeString(dir.resolve("config"), """
                Include %s/*.conf
                Host node* !node9*
                  ProxyJump %s
                Host *
                  User root
                  IdentityFile %s
                  UserKnownHostsFile %s
                """.formatted(conf, proxyJump, key, knownHosts));
        return SshConfig.read(config, dir.resolve("no-system-config"), dir);
    }

    private NodeConnector connector(RecordingPrompt prompt, SshConfig config) {
        SshEnvironment env = SshEnvironment.isolated(null).withConfig(config);
        return new NodeConnector(prompt, env, SshOptions.DEFAULT);
    }

    private static Node node(String name, OpenSshServer server) {
        return new Node(name, "127.0.0.1", "127.0.0.1", Set.of(Role.WORKER), new SshSettings("", server.port, ""));
    }

    private static String hostname(NodeConnection connection) throws NodeException {
        OutputCapture out = new OutputCapture();
        connection.runChecked(Command.idempotent("echo $SSH_CONNECTION"), out);
        return out.stdout();
    }

    @Test
    void reachesEveryNodeThroughOneConnectionToTheBastion() throws Exception {
        int acceptedBefore = count(bastion.log(), "Accepted publickey");
        List<String> tunnelsBefore = tunnels(bastion.log());
        try (NodeConnector connector = connector(new RecordingPrompt(), config("bastion"));
             NodeConnection first = connector.connect(node("node001", node1));
             NodeConnection second = connector.connect(node("node002", node2))) {
            assertTrue(hostname(first).endsWith(" " + node1.port), hostname(first));
            assertTrue(hostname(second).endsWith(" " + node2.port), hostname(second));
            assertEquals("key file " + key + ": ED25519 " + TestKeys.fingerprint(key), first.identity());
        }
        assertEquals(1, count(bastion.log(), "Accepted publickey") - acceptedBefore, bastion.log());
        List<String> tunnels = tunnels(bastion.log()).subList(tunnelsBefore.size(), tunnels(bastion.log()).size());
        assertEquals(List.of("127.0.0.1 port " + node1.port, "127.0.0.1 port " + node2.port), tunnels);
    }

    @Test
    void goesThroughSeveralJumpHostsInOrder() throws Exception {
        try (NodeConnector connector = connector(new RecordingPrompt(), config("bastion,inner-bastion"));
             NodeConnection connection = connector.connect(node("node001", node1))) {
            assertTrue(hostname(connection).endsWith(" " + node1.port));
        }
        assertTrue(tunnels(bastion.log()).contains("127.0.0.1 port " + inner.port), bastion.log());
        assertTrue(tunnels(inner.log()).contains("127.0.0.1 port " + node1.port), inner.log());
    }

    @Test
    void thePlansJumpWinsAndNoneConnectsDirectly() throws Exception {
        int before = tunnels(bastion.log()).size();
        Node direct = node("node001", node1);
        direct = direct.withSsh(direct.ssh().withJump("none"));
        try (NodeConnector connector = connector(new RecordingPrompt(), config("bastion"));
             NodeConnection connection = connector.connect(direct)) {
            assertFalse(connector.route(direct).origins().toString().contains("ProxyJump"));
            assertTrue(hostname(connection).endsWith(" " + node1.port));
        }
        assertEquals(before, tunnels(bastion.log()).size());
        Node viaPlan = node("other", node2);
        viaPlan = viaPlan.withSsh(viaPlan.ssh().withJump("root@127.0.0.1:" + inner.port));
        try (NodeConnector connector = connector(new RecordingPrompt(), config("bastion"));
             NodeConnection connection = connector.connect(viaPlan)) {
            assertTrue(hostname(connection).endsWith(" " + node2.port));
            assertTrue(connector.route(viaPlan).origins().contains(new SshRoute.Origin("ProxyJump",
                    "root@127.0.0.1:" + inner.port, "plan")));
        }
        assertTrue(tunnels(inner.log()).contains("127.0.0.1 port " + node2.port), inner.log());
    }

    @Test
    void aJumpHostWhoseKeyChangedStopsEveryNodeBehindItBeforeReachingThem() throws Exception {
        Path formerKey = TestKeys.generate(dir, "former_bastion_key", "ed25519");
        List<String> lines = new ArrayList<>(Files.readAllLines(knownHosts));
        lines.set(0, "[127.0.0.1]:" + bastion.port + " " + TestKeys.publicLine(formerKey));
        Files.write(knownHosts, lines);
        int nodeConnections = count(node1.log(), "Connection from");
        RecordingPrompt prompt = new RecordingPrompt().acceptingHostKeys();
        try (NodeConnector connector = connector(prompt, config("bastion"))) {
            for (int i = 0; i < 2; i++) {
                HostKeyChangedException error = assertThrows(HostKeyChangedException.class,
                        () -> connector.connect(node("node001", node1)));
                assertEquals(bastion.port, error.node().port());
                assertEquals(List.of(TestKeys.fingerprint(formerKey)), error.knownFingerprints());
                assertEquals(TestKeys.fingerprint(bastion.hostKey), error.newFingerprint());
                assertTrue(error.getMessage().contains("host key of the jump host 127.0.0.1:" + bastion.port
                        + " changed from "), error.getMessage());
                assertTrue(error.getMessage().contains("before reaching the nodes behind it"), error.getMessage());
            }
        }
        assertEquals(List.of(), prompt.asked);
        assertEquals(nodeConnections, count(node1.log(), "Connection from"), node1.log());
    }

    @Test
    void asksOnceAboutAnUnknownBastionKeyWhileNodesConnectAtOnce() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(knownHosts));
        lines.remove(0);
        Files.write(knownHosts, lines);
        RecordingPrompt prompt = new RecordingPrompt().acceptingHostKeys();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (NodeConnector connector = connector(prompt, config("bastion"))) {
            List<Future<String>> results = new ArrayList<>();
            for (OpenSshServer server : List.of(node1, node2)) {
                results.add(threads.submit(() -> {
                    try (NodeConnection connection = connector.connect(node("node-" + server.port, server))) {
                        return hostname(connection);
                    }
                }));
            }
            for (Future<String> result : results) {
                assertFalse(result.get().isEmpty());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of("host key 127.0.0.1:" + bastion.port + " ssh-ed25519"), prompt.asked);
        assertFalse(TestKeys.lookup(knownHosts, "[127.0.0.1]:" + bastion.port).isEmpty());
    }

    @Test
    void aJumpHostThatCannotBeReachedFailsItsOtherNodesAtOnce() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Node first = node("node001", node1);
        first = first.withSsh(first.ssh().withJump("root@127.0.0.1:" + closed));
        Node second = node("node002", node2).withSsh(first.ssh().withPort(node2.port));
        try (NodeConnector connector = connector(new RecordingPrompt(), config("bastion"))) {
            Node a = first;
            Node b = second;
            NodeConnectException refused = assertThrows(NodeConnectException.class, () -> connector.connect(a));
            assertEquals(closed, refused.node().port());
            assertTrue(refused.getMessage().contains("the connection was refused"), refused.getMessage());
            assertSame(refused, assertThrows(NodeConnectException.class, () -> connector.connect(b)));
        }
    }

    private static int count(String log, String text) {
        return log.split(Pattern.quote(text), -1).length - 1;
    }

    /** The targets of the direct-tcpip tunnels sshd opened, in order. */
    private static List<String> tunnels(String log) {
        List<String> targets = new ArrayList<>();
        Matcher matcher = Pattern.compile("server_request_direct_tcpip: .*target (\\S+ port \\d+)").matcher(log);
        while (matcher.find()) {
            targets.add(matcher.group(1));
        }
        return targets;
    }
}
