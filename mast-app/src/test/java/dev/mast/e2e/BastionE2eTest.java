package dev.mast.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes in a private network that only a bastion reaches ({@code nodes.sh up --bastion}: the nodes' bridge has no
 * address of this machine's; the bastion, an sshd node, has a leg on both bridges and forwards nothing): Mast reaches
 * them through the bastion, from the plan's {@code ssh.jump} and from an operator's {@code ~/.ssh/config} (Host
 * patterns, Include, ProxyJump), installs the whole cluster on them (the add-ons and the mirror pods' check too: the
 * API server is asked through a local port forward over the bastion's SSH connection), lists the mirror pods through
 * that forward with {@code mast pods --plan}, and stops before changing anything when the bastion's host key is not the
 * one known_hosts has.
 */
@Tag("e2e")
@ExtendWith(E2e.class)
class BastionE2eTest {
    @TempDir
    Path dir;

    @Test
    void installsThroughTheBastionOnNodesThisMachineCannotReachAndStopsWhenTheBastionsHostKeyChanged() throws Exception {
        MastCli mast = new MastCli(dir);
        Path sshConfig = mast.home().resolve(".ssh/config");
        try (TestNodes nodes = TestNodes.up(dir, 2, 1, "--bastion", "--ssh-config-out", sshConfig.toString())) {
            String plan = read(nodes.plan());
            String bastion = nodes.jumpHost("node001").orElseThrow(() -> new AssertionError("the plan names no jump host:\n" + plan));
            for (String node : nodes.all()) {
                assertEquals(nodes.jumpHost(node).orElse(""), bastion, node + ": the plan's jump host");
                assertUnreachable(node, nodes.ip(node));
            }

            MastCli.Run refused = runWithTheBastionsKeyChanged(mast, nodes, bastion);
            assertNotEquals(0, refused.exit(), "the install went on with the bastion's host key changed: " + refused.describe());
            assertTrue(refused.output().contains("host key of the jump host " + bastion + ":22 changed"),
                    "the error names the jump host " + bastion + " and says its key changed: " + refused.describe());

            // The connection test through ~/.ssh/config alone: the plan names no jump host, the configuration does.
            Path configPlan = dir.resolve("plan-by-config.yaml");
            Files.writeString(configPlan, plan.replaceAll(", jump: [^}]*", ""));
            MastCli.Run asked = mast.run(InstallE2eTest.RUN_TIMEOUT, "install", "--plan", configPlan.toString(), "--dry-run",
                    "--yes", "--known-hosts", nodes.knownHosts().toString());
            assertEquals(0, asked.exit(), "a dry run through ProxyJump of " + sshConfig + ":\n" + read(sshConfig)
                    + "\n" + asked.describe());

            MastCli.Run install = mast.run(InstallE2eTest.RUN_TIMEOUT, "install", "--plan", nodes.plan().toString(), "--yes",
                    "--known-hosts", nodes.knownHosts().toString());
            assertEquals(0, install.exit(), InstallE2eTest.describe(install, nodes));
            for (String node : nodes.all()) {
                Map<String, String> states = install.states(node);
                assertEquals("DONE", states.get("kubelet/start"), node + ": the kubelet was started: " + states);
                NodeChecks.assertInstalled(nodes, node);
            }
            String master = nodes.masters().get(0);
            assertEquals("ok", nodes.shell(master).sudo("curl -sk --max-time 5 https://127.0.0.1:6443/readyz").strip(),
                    master + ": the API server is ready");
            MastCli.Run pods = assertMirrorPodsThroughTheBastion(mast, nodes);
            E2e.parts("install through a bastion 1+1", Map.of("boot", nodes.bootTime(), "dry run", asked.took(),
                    "install", install.took(), "mast pods", pods.took()));
        }
    }

    /**
     * {@code mast pods} with the plan lists every node's mirror pods Running through the API, which this machine reaches
     * only through the bastion: the admin kubeconfig names the master's address, and the pods come from the API server,
     * not from the nodes' runtimes (what {@code mast pods} falls back to when the API server does not answer).
     */
    private static MastCli.Run assertMirrorPodsThroughTheBastion(MastCli mast, TestNodes nodes) throws Exception {
        String master = nodes.masters().get(0);
        assertTrue(read(nodes.adminKubeconfig()).contains("server: https://" + nodes.ip(master) + ":6443"),
                "the admin kubeconfig names the master behind the bastion:\n" + read(nodes.adminKubeconfig()));
        MastCli.Run pods = mast.run(InstallE2eTest.RUN_TIMEOUT, "pods", "--plan", nodes.plan().toString(), "--kubeconfig",
                nodes.adminKubeconfig().toString(), "--yes", "--known-hosts", nodes.knownHosts().toString(), "-n", "kube-system");
        assertEquals(0, pods.exit(), pods.describe());
        assertFalse(pods.output().contains("sees them"), "the pods came from the nodes, not the API: " + pods.describe());
        for (String node : nodes.all()) {
            for (String component : NodeChecks.staticPods(nodes, node)) {
                assertTrue(pods.output().lines().anyMatch(line -> line.startsWith(component + "-" + node + " ")
                        && line.contains("1/1") && line.contains("Running")), component + "-" + node + " in:\n" + pods.output());
            }
        }
        return pods;
    }

    /**
     * This machine cannot reach the node's sshd: it has no address in the node's subnet, and a connection to the
     * node's SSH port does not get the node's banner (it fails, times out, or, where the machine's own network takes
     * every connection, gets nothing from sshd).
     */
    private static void assertUnreachable(String node, String ip) throws IOException {
        String subnet = ip.substring(0, ip.lastIndexOf('.') + 1);
        List<String> own = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .map(InetAddress::getHostAddress).filter(address -> address.startsWith(subnet)).toList();
        assertEquals(List.of(), own, "this machine's addresses in the subnet of " + node + " (" + subnet + "0/24)");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ip, 22), 3000);
            socket.setSoTimeout(3000);
            String banner = new String(socket.getInputStream().readNBytes(8), StandardCharsets.US_ASCII);
            assertFalse(banner.startsWith("SSH-"), node + " (" + ip + ":22) answers this machine directly (" + banner
                    + "): it must be reachable only through the bastion");
        } catch (IOException expected) {
            // no route, refused or timed out: what a node of a private network does from outside
        }
    }

    /**
     * Gives the bastion a new host key (as a reinstalled or impersonated host has), runs the install, checks that no
     * node changed, and puts the bastion's key back.
     */
    private static MastCli.Run runWithTheBastionsKeyChanged(MastCli mast, TestNodes nodes, String bastion) throws Exception {
        List<String> all = nodes.all();
        for (String node : all) {
            nodes.shell(node).sudo("touch /run/mast-e2e-before");
        }
        NodeShell bastionShell = nodes.shell(bastion);
        String key = "/etc/ssh/ssh_host_ed25519_key";
        bastionShell.sudo("cp -p " + key + " /root/host_key && cp -p " + key + ".pub /root/host_key.pub && rm " + key + "*"
                + " && ssh-keygen -q -t ed25519 -N '' -f " + key + " && systemctl reload ssh");
        try {
            MastCli.Run run = mast.run(InstallE2eTest.RUN_TIMEOUT, "install", "--plan", nodes.plan().toString(), "--yes",
                    "--known-hosts", nodes.knownHosts().toString());
            for (String node : all) {
                // The shells opened before the key changed still work; what Mast would have written is not there.
                String changed = nodes.shell(node).sudo("find /etc /usr /opt /var/lib -xdev -newer /run/mast-e2e-before"
                        + " ! -path '/var/lib/systemd/*' ! -path '/var/lib/private/*' 2>/dev/null | head -20");
                assertEquals("", changed.strip(), node + ": files changed by the run that met the bastion's new key: "
                        + run.describe());
                assertTrue(nodes.shell(node).check("test ! -e /var/lib/mast && test ! -e /etc/kubernetes"),
                        node + ": the run locked or changed the node: " + run.describe());
            }
            return run;
        } finally {
            bastionShell.sudo("cp -p /root/host_key " + key + " && cp -p /root/host_key.pub " + key + ".pub"
                    + " && systemctl reload ssh");
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
