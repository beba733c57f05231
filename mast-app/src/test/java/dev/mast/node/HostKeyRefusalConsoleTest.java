package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mast logs --via-node} in a JVM of its own, as a user runs it, against an SSH server whose host key
 * is not the one known_hosts holds: the console shows Mast's sentence and nothing of sshj's log
 * (its SEVERE lines and the TransportException's stack trace), which lands in the app log.
 */
class HostKeyRefusalConsoleTest {
    @TempDir
    Path dir;

    @Test
    void sshjsOwnLogLinesReachTheAppLogAndNotTheConsole() throws Exception {
        try (MinaFixture node = MinaFixture.start(dir)) {
            Path knownHosts = dir.resolve("known_hosts");
            Path otherKey = TestKeys.generate(dir, "other_host_key", "ed25519");
            Files.writeString(knownHosts, "[127.0.0.1]:" + node.server.port() + " " + TestKeys.publicLine(otherKey) + "\n");
            Path plan = Files.writeString(dir.resolve("cluster.yaml"), """
                    cluster: {name: prod, kubernetesVersion: "1.34", containerRuntime: containerd, podCidr: 10.244.0.0/16,
                              serviceCidr: 10.96.0.0/12, dnsDomain: cluster.local, apiServerPort: 6443}
                    nodes:
                      - {hostName: node001, ip: 127.0.0.1, roles: [etcd, master], ssh: {port: %d, keyFile: "%s"}}
                    """.formatted(node.server.port(), node.clientKey));

            Path console = dir.resolve("console.txt");
            Process mast = mast(console, "logs", "kube-apiserver-node001", "--via-node", "--plan", plan.toString(),
                    "--known-hosts", knownHosts.toString(), "--yes");
            assertTrue(mast.waitFor(90, TimeUnit.SECONDS), "mast logs did not finish");
            String shown = Files.readString(console, StandardCharsets.UTF_8);

            assertEquals(1, mast.exitValue(), shown);
            assertTrue(shown.contains("host key of 127.0.0.1:" + node.server.port() + " changed"), shown);
            for (String library : new String[] {"SEVERE", "TransportException", "net.schmizz", "\tat "}) {
                assertFalse(shown.contains(library), "the console shows \"" + library + "\":\n" + shown);
            }
            String appLog = Files.readString(dir.resolve("state/mast/logs/mast.0.log"));
            assertTrue(appLog.contains("SEVERE  net.schmizz.sshj.transport.TransportImpl") && appLog.contains("HOST_KEY_NOT_VERIFIABLE"),
                    appLog);
        }
    }

    private Process mast(Path console, String... args) throws IOException {
        String javaBinary = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        var command = new ArrayList<>(List.of(javaBinary, "-cp", System.getProperty("java.class.path"), "dev.mast.Main"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        return builder.start();
    }
}
