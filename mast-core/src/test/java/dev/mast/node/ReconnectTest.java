package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReconnectTest extends ConnectedToMinaNode {
    /** Cuts the connection the first time the command says it started. */
    private LineSink dropOnFirstStart(List<String> lines) {
        AtomicBoolean dropped = new AtomicBoolean();
        return (stream, text) -> {
            lines.add(text);
            if (text.equals("started") && dropped.compareAndSet(false, true)) {
                node.server.dropConnections();
            }
        };
    }

    private static final String SCRIPT = "echo started; sleep 2; echo finished";

    @Test
    void reRunsAnIdempotentCommandAfterTheConnectionDropped() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CommandResult result = connection.runChecked(
                Command.idempotent(SCRIPT).withTimeout(Duration.ofSeconds(30)), dropOnFirstStart(lines));
        assertEquals(0, result.exitStatus());
        assertEquals(List.of("started", "started", "finished"), lines);
    }

    @Test
    void doesNotReRunANonIdempotentCommandAfterTheConnectionDropped() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        ConnectionDroppedException error = assertThrows(ConnectionDroppedException.class,
                () -> connection.runChecked(Command.once(SCRIPT).withTimeout(Duration.ofSeconds(30)),
                        dropOnFirstStart(lines)));
        assertFalse(error.idempotent());
        assertTrue(error.getMessage().contains("not safe to repeat"), error.getMessage());
        assertEquals(List.of("started"), lines);
        assertEquals("again", connection.run(Command.once("echo again")).lastLines().get(0));
    }

    @Test
    void reconnectsBeforeTheNextCommandWhenTheConnectionDroppedWhileIdle() throws Exception {
        node.server.dropConnections();
        assertEquals(List.of("back"), connection.runChecked(Command.once("echo back")).lastLines());
    }

    @Test
    void givesUpWhenTheConnectionDropsAgainAfterTheOneReconnect() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        LineSink alwaysDrop = (stream, text) -> {
            lines.add(text);
            if (text.equals("started")) {
                node.server.dropConnections();
            }
        };
        ConnectionDroppedException error = assertThrows(ConnectionDroppedException.class,
                () -> connection.run(Command.idempotent(SCRIPT).withTimeout(Duration.ofSeconds(30)), alwaysDrop));
        assertTrue(error.idempotent());
        assertEquals(List.of("started", "started"), lines);
    }

    @Test
    void failsToConnectWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (NodeConnector connector = node.connector(new RecordingPrompt())) {
            NodeConnectException error = assertThrows(NodeConnectException.class,
                    () -> connector.connect("127.0.0.1", node.ssh().withPort(port)));
            assertTrue(error.getMessage().contains("refused"), error.getMessage());
        }
    }

    @Test
    void givesUpOnAServerThatNeverAnswersWithinTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             NodeConnector connector = new NodeConnector(new RecordingPrompt(), node.knownHosts,
                     SshOptions.DEFAULT.withConnectTimeout(Duration.ofMillis(800)))) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(30_000);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            NodeConnectException error = assertThrows(NodeConnectException.class,
                    () -> connector.connect("127.0.0.1", node.ssh().withPort(silent.getLocalPort())));
            assertTrue(error.getMessage().contains("within 800ms"), error.getMessage());
            acceptor.interrupt();
        }
    }
}
