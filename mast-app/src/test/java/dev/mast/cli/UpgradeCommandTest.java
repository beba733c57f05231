package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mast upgrade} against {@code mast simulate --legacy-systemd --layout ...}, as a user runs them. */
class UpgradeCommandTest {
    @TempDir
    Path tmp;

    /** Runs {@code mast simulate} with the layout until {@code test} is done with it. */
    private void withSimulation(String layout, Path plan, SimulationUse test) throws Exception {
        StringWriter out = new StringWriter();
        Thread runner = new Thread(() -> {
            var cli = MastCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.execute("simulate", "--nodes", "2", "--masters", "1", "--legacy-systemd", "--layout", layout, "--step-delay-ms", "50",
                    "--tick-ms", "50", "--plan-out", plan.toString());
        });
        runner.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (!out.toString().contains("Press Ctrl-C to stop.") && Instant.now().isBefore(deadline) && runner.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(out.toString().contains("laid out as " + layout), out.toString());
            test.use(plan.resolveSibling(plan.getFileName() + "-sim"), out.toString());
        } finally {
            runner.interrupt();
            runner.join(30_000);
        }
    }

    @FunctionalInterface
    private interface SimulationUse {
        void use(Path state, String simulateOutput) throws Exception;
    }

    @Test
    void theDryRunReadsTheHardWayAndSaysTheControllerGetsAKubeletAndItsFilesStayInPlace() throws Exception {
        Path plan = tmp.resolve("hard.yaml");
        withSimulation("hard-way", plan, (state, simulated) -> {
            CliRun dry = CliRun.of("upgrade", "--plan", plan.toString(), "--known-hosts", state.resolve("known_hosts").toString(),
                    "--yes", "--dry-run");
            assertEquals(MastCommand.OK, dry.exitCode(), dry.err() + dry.out());
            String out = dry.out();
            assertTrue(out.contains("kube-apiserver.service: /etc/systemd/system/kube-apiserver.service; runs /usr/local/bin/kube-apiserver"
                    + " v1.34.3, owned by no package"), out);
            assertTrue(out.contains("no kubelet and no container runtime: the install's phases install them first"), out);
            assertTrue(out.contains("kube-apiserver: --client-ca-file=/var/lib/kubernetes/ca.crt mounted in place (folder"
                    + " /var/lib/kubernetes"), out);
            assertTrue(out.contains("--audit-log-path=/var/log/audit.log mounted in place (file /var/log/audit.log, writable)"), out);
            assertTrue(out.contains("the kubelet reads no static pods: staticPodPath: /etc/kubernetes/manifests is added to"
                    + " /var/lib/kubelet/kubelet-config.yaml"), out);
            assertTrue(out.contains("etcd and its files are not touched"), out);
            String controller = out.substring(out.indexOf("node001 ("), out.indexOf("node002 ("));
            assertTrue(controller.contains("Install the container runtime [runtime/install] on every master\n"
                    + "       run apt-get install -y 'containerd'"), controller);
            assertTrue(controller.contains("Start the kubelet [kubelet/start] on every master\n"), controller);
            // The real kubelet watches its manifests folder only if it is there when it starts (else it lists it every 20 s).
            String kubeletStart = controller.substring(controller.indexOf("[kubelet/start]"));
            assertTrue(kubeletStart.indexOf("run mkdir -p '/etc/kubernetes/manifests'") < kubeletStart.indexOf("systemctl restart 'kubelet'"),
                    kubeletStart);
            // The API server's manifest goes in place once the old one's port is closed, not once its process has gone.
            String apiServer = controller.substring(controller.indexOf("[upgrade/apiserver]"));
            String replace = apiServer.lines().filter(l -> l.contains("systemctl stop --no-block 'kube-apiserver.service'")).findFirst()
                    .orElseThrow(() -> new AssertionError(apiServer));
            int stop = replace.indexOf("systemctl stop --no-block");
            int closed = replace.indexOf("| grep -qx 7 || exit 75;");
            int moved = replace.indexOf("mv -f ");
            assertTrue(0 < stop && stop < closed && closed < moved, replace);
            assertTrue(controller.contains("Pull the images [upgrade/pull-images] on every node that joins the cluster: not for this"
                    + " node: it runs no kubelet yet"), controller);
            assertFalse(controller.contains("already done"), "a step left out for want of a kubelet is not done: " + controller);
            assertTrue(controller.contains("check that /etc/kubernetes/pki/ca.crt is the cluster's CA, byte for byte"), controller);
            assertTrue(out.contains("dry run: no step failed"), out);
            assertFalse(Files.exists(tmp.resolve("hard-pki")), "a dry run writes no PKI folder");
        });
    }

    @Test
    void kismaticsCaKeyIsOnNoMasterSoTheUpgradeAsksForTheClustersKubeconfigAndChangesNothing() throws Exception {
        Path plan = tmp.resolve("kis.yaml");
        withSimulation("kismatic", plan, (state, simulated) -> {
            CliRun refused = CliRun.of("upgrade", "--plan", plan.toString(), "--known-hosts", state.resolve("known_hosts").toString(),
                    "--yes");
            // Refused by the upgrade's first phase, pki/adopt-ca, before any node is read further.
            assertEquals(MastCommand.FAILED, refused.exitCode(), refused.err() + refused.out());
            assertTrue(refused.out().contains("node001 (pki/adopt-ca): the key of the cluster's CA (/etc/kubernetes/pki/ca.pem) is on"
                    + " no master"), refused.out());
            assertTrue(refused.out().contains("--kubeconfig FILE"), refused.out());
            assertTrue(refused.out().contains("0 of 2 nodes done"), refused.out());
            assertFalse(Files.exists(tmp.resolve("kis-pki").resolve("ca.crt")), "no CA of Mast's own for a cluster that has one");
            assertTrue(simulated.contains("generated/keys/ca-key.pem (kept on the installer's machine, not on the nodes)"), simulated);
        });
    }

    @Test
    void anUnknownLayoutIsBadInput() {
        CliRun run = CliRun.of("simulate", "--nodes", "1", "--legacy-systemd", "--layout", "kubespray", "--plan-out",
                tmp.resolve("p.yaml").toString());
        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("--layout \"kubespray\" is not a layout: use kubeadm, hard-way or kismatic"), run.err());
    }
}
