package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class SimulateCommandTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void simulateWritesAPlanAndKnownHostsAndStopsWhenInterrupted() throws Exception {
        Path plan = tmp.resolve("sim.yaml");
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> {
            var cli = MastCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            exit.set(cli.execute("simulate", "--nodes", "3", "--legacy-systemd", "--plan-out", plan.toString()));
        });
        runner.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!out.toString().contains("Press Ctrl-C to stop.") && Instant.now().isBefore(deadline) && runner.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(out.toString().contains("Press Ctrl-C to stop."), out.toString());

        Map<String, Object> yaml = new Yaml().load(Files.readString(plan));
        Map<String, Object> cluster = (Map<String, Object>) yaml.get("cluster");
        assertEquals("sim", cluster.get("name"));
        assertEquals("containerd", cluster.get("containerRuntime"));
        assertEquals(6443, cluster.get("apiServerPort"));
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) yaml.get("nodes");
        assertEquals(3, nodes.size());
        assertEquals("node001", nodes.get(0).get("hostName"));
        assertEquals("127.0.0.2", nodes.get(0).get("ip"));
        assertEquals("127.0.0.4", nodes.get(2).get("internalIp"));
        assertEquals(List.of("etcd", "master"), nodes.get(0).get("roles"));
        assertTrue(Files.readString(plan).contains("  - hostName: node001\n    ip: 127.0.0.2\n"), Files.readString(plan));
        assertTrue(Files.readString(plan).contains("    roles: [etcd, master]\n    ssh: {user: root, port: "), Files.readString(plan));

        Path state = tmp.resolve("sim.yaml-sim");
        Path key = Path.of((String) ((Map<String, Object>) nodes.get(1).get("ssh")).get("keyFile"));
        assertEquals(state.resolve("id_ed25519"), key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        int port = (Integer) ((Map<String, Object>) nodes.get(1).get("ssh")).get("port");
        try (SSHClient ssh = new SSHClient()) {
            ssh.addHostKeyVerifier(new OpenSSHKnownHosts(state.resolve("known_hosts").toFile()));
            ssh.connect("127.0.0.3", port);
            ssh.authPublickey("root", ssh.loadKeys(key.toString()));
            try (Session session = ssh.startSession()) {
                Session.Command command = session.exec("hostname && systemctl is-active kube-apiserver");
                String text = new String(command.getInputStream().readAllBytes());
                assertEquals("node002\nactive\n", text);
            }
        }
        assertTrue(Files.readString(state.resolve("admin.conf")).contains("server: https://" + cluster.get("controlPlaneEndpoint")));

        runner.interrupt();
        runner.join(30_000);
        assertFalse(runner.isAlive());
        assertEquals(MastCommand.OK, exit.get());
        try (Socket socket = new Socket("127.0.0.3", port)) {
            throw new AssertionError("the node still listens after the command stopped");
        } catch (ConnectException expected) {
            // The simulation is gone.
        }
    }

    @Test
    void badArgumentsAreBadInputAndStartNothing() {
        var cli = MastCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(MastCommand.BAD_INPUT, cli.execute("simulate", "--nodes", "2", "--runtime", "cri-o", "--plan-out",
                tmp.resolve("p.yaml").toString()));
        assertTrue(err.toString().contains("unknown container runtime \"cri-o\""), err.toString());
        assertEquals(MastCommand.BAD_INPUT, cli.execute("simulate", "--nodes", "2", "--masters", "3", "--plan-out",
                tmp.resolve("p.yaml").toString()));
        assertEquals(MastCommand.BAD_INPUT, cli.execute("simulate", "--nodes", "0", "--plan-out", tmp.resolve("p.yaml").toString()));
        assertEquals(MastCommand.BAD_INPUT, cli.execute("simulate", "--nodes", "1", "--step-delay-ms", "-1", "--plan-out",
                tmp.resolve("p.yaml").toString()));
        assertEquals(MastCommand.BAD_INPUT, cli.execute("simulate", "--nodes", "1", "--tick-ms", "0", "--plan-out",
                tmp.resolve("p.yaml").toString()));
        assertTrue(err.toString().contains("--tick-ms must be at least 10"), err.toString());
        assertFalse(Files.exists(tmp.resolve("p.yaml-sim")), "nothing is written for bad input");
    }
}
