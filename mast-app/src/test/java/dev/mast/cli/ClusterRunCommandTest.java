package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.sim.ClientKeys;
import dev.mast.sim.Provisioning;
import dev.mast.sim.SimPlanWriter;
import dev.mast.sim.SimulatedCluster;
import dev.mast.sim.machine.SimTiming;
import dev.mast.sim.machine.SudoPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mast install through the one run entry point, against simulated nodes: the dry run, --only/--skip, and a real run. */
class ClusterRunCommandTest {
    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private Path plan;
    private Path knownHosts;

    @BeforeEach
    void nodes() throws Exception {
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_ed25519");
        ClientKeys.write(keys, keyFile, "test");
        String version = KubernetesVersion.DEFAULT.toString();
        cluster = SimulatedCluster.builder().nodes(2).masters(1).provisioning(Provisioning.FRESH).runtime(ContainerRuntime.CONTAINERD)
                .kubernetesVersion(version).sshUser("root", SudoPolicy.noPassword()).authorizedKey(keys.getPublic())
                .timing(SimTiming.fast()).workDir(dir.resolve("nodes")).start();
        knownHosts = dir.resolve("known_hosts");
        ClientKeys.writeKnownHosts(cluster.nodes(), knownHosts);
        plan = dir.resolve("sim.yaml");
        Files.writeString(plan, SimPlanWriter.yaml(cluster, version, ContainerRuntime.CONTAINERD, "root", keyFile));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private CliRun install(String... more) {
        String[] args = new String[5 + more.length];
        System.arraycopy(new String[] {"install", "--plan", plan.toString(), "--known-hosts", knownHosts.toString()}, 0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        return CliRun.of(args);
    }

    @Test
    void dryRunAsksTheNodesPrintsEachStepsChangesAndChangesNothing() throws Exception {
        CliRun run = install("--yes", "--dry-run");

        assertEquals(MastCommand.OK, run.exitCode(), run.err() + run.out());
        String out = run.out();
        assertTrue(out.startsWith("install of ") && out.lines().findFirst().orElseThrow().endsWith("(dry run: nothing is changed)"), out);
        assertTrue(out.contains("1. Lock the node for this run [lock/node] on every node\n"), out);
        assertTrue(out.contains("2. Check the node [preflight/node] on every node\n"), out);
        assertTrue(out.contains("Install the Kubernetes programs [kubernetes/install] on every node that joins the cluster\n"), out);
        assertTrue(out.contains(" apt-get install -y --allow-downgrades --allow-change-held-packages -o Dpkg::Options::=--force-confold"
                + " 'kubelet=" + KubernetesVersion.DEFAULT + "-*'"), out);
        assertTrue(out.contains("Start the kubelet [kubelet/start] on every node that joins the cluster\n"
                + "       write /etc/systemd/system/kubelet.service (644)\n"), out);
        assertTrue(out.contains("       write /var/lib/kubelet/config.yaml (644)\n"), out);
        assertTrue(out.contains("       wait until kubelet answers at http://127.0.0.1:10248/healthz\n"), out);
        assertTrue(out.contains("Start the control plane [control-plane/static-pods] on every master\n"), out);
        assertTrue(out.contains("Save the admin kubeconfig [kubeconfig/save] on the first master\n       write "
                + dir.resolve("sim-admin.conf") + " (600) on this machine\n"), out);
        assertTrue(out.endsWith("dry run: no step failed\n"), out);

        assertFalse(Files.exists(dir.resolve("sim-pki")), "not even the PKI folder is made");
        assertFalse(Files.exists(dir.resolve("sim-admin.conf")));
        for (var node : cluster.nodes()) {
            assertFalse(node.machine().fs().exists("/var/lib/kubelet/config.yaml"), node.hostName());
            assertFalse(node.machine().packages().isInstalled("kubelet"), node.hostName());
        }
    }

    @Test
    void aDryRunSaysWhatThePlanLeavesToTheUserWhereTheAddOnsWouldBeApplied() throws Exception {
        Files.writeString(plan, Files.readString(plan).replaceFirst("(?m)^cluster:\n", "cluster:\n  podNetwork: none\n"
                + "  clusterDns: {coreDns: false}\n"));
        CliRun run = install("--yes", "--dry-run", "--only", "addons/apply");

        assertEquals(MastCommand.OK, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("     ! no pod network applied (podNetwork: none): the nodes stay NotReady"), run.out());
        assertTrue(run.out().contains("     ! no CoreDNS applied (clusterDns.coreDns: false): pods ask 10.96.0.10 for names"),
                run.out());
        assertFalse(run.out().contains("apply DaemonSet kube-system/kube-flannel-ds"), run.out());
    }

    @Test
    void onlyAndSkipNameThePhasesAndABadNameIsBadInput() {
        CliRun only = install("--yes", "--dry-run", "--only", "kubelet/start");
        assertEquals(MastCommand.OK, only.exitCode(), only.err());
        assertTrue(only.out().contains("1. Lock the node for this run [lock/node]"), "a run that changes nodes locks them: " + only.out());
        assertTrue(only.out().contains("2. Start the kubelet [kubelet/start]"), only.out());
        assertFalse(only.out().contains("[preflight/node]"), only.out());

        CliRun skip = install("--yes", "--dry-run", "--skip", "preflight,verify");
        assertEquals(MastCommand.OK, skip.exitCode(), skip.err());
        assertFalse(skip.out().contains("[preflight/"), skip.out());
        assertFalse(skip.out().contains("[verify/mirror-pods]"), skip.out());
        assertTrue(skip.out().contains("2. Copy certificates and kubeconfigs [certs/distribute]"), skip.out());

        CliRun bad = install("--yes", "--only", "kubelet/stop");
        assertEquals(MastCommand.BAD_INPUT, bad.exitCode());
        // After the plan's warnings (the simulator's nodes are on loopback addresses).
        assertTrue(bad.err().contains("\nmast install: --only kubelet/stop: the install has no such phase; its phases are "
                + "preflight/node, preflight/unique, preflight/sources, certs/distribute, "), bad.err());
        assertEquals("", bad.out(), "nothing ran");
    }

    @Test
    void aRunInstallsAndKeepsTheAdminKubeconfigBesideThePlanForTheUserOnly() throws Exception {
        CliRun run = install("--yes", "--health-timeout", "30");

        assertEquals(MastCommand.OK, run.exitCode(), run.err() + run.out());
        Path admin = dir.resolve("sim-admin.conf");
        // The run's summary, then where the admin kubeconfig is: the last the user reads.
        assertTrue(Pattern.compile("(?m)^install finished on all \\d+ nodes in [\\d.]+ s\\.\nadmin kubeconfig: "
                + Pattern.quote(admin.toString()) + "\n\\z").matcher(run.out()).find(), run.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(admin)));
        assertTrue(Files.readString(admin).contains("client-certificate-data"));
        assertTrue(cluster.nodes().get(0).machine().fs().exists("/etc/kubernetes/manifests/kube-apiserver.yaml"));
    }
}
