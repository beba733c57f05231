package dev.mast.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.node.CredentialPrompt;
import dev.mast.node.NodeConnector;
import dev.mast.node.SshOptions;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.render.RenderedCluster;
import dev.mast.sim.ClientKeys;
import dev.mast.sim.LegacyLayout;
import dev.mast.sim.Provisioning;
import dev.mast.sim.SimPlanWriter;
import dev.mast.sim.SimulatedCluster;
import dev.mast.sim.machine.SimTiming;
import dev.mast.sim.machine.SudoPolicy;
import dev.mast.ui.NodeCheck;
import dev.mast.ui.RunHandle;
import dev.mast.ui.RunKind;
import dev.mast.workflow.DryRunReport;
import dev.mast.workflow.ProgressEvent;
import dev.mast.workflow.SshRemote;
import dev.mast.workflow.run.ClusterRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** The services behind the GUI, against simulated nodes: the same paths the desktop app takes. */
class CoreServicesOnSimulatorTest {
    @TempDir
    Path dir;

    @Test
    void connectionTestReportsAnUnknownHostKeyUntilTheUserTrustsItThenPasses() throws Exception {
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_ed25519");
        ClientKeys.write(keys, keyFile, "test");
        try (SimulatedCluster cluster = SimulatedCluster.builder().nodes(1).provisioning(Provisioning.FRESH)
                .sshUser("root", SudoPolicy.noPassword()).authorizedKey(keys.getPublic()).timing(SimTiming.fast())
                .workDir(dir.resolve("nodes")).start()) {
            Plan plan = PlanFile.parse("p.yaml", SimPlanWriter.yaml(cluster, KubernetesVersion.DEFAULT.toString(),
                    ContainerRuntime.CONTAINERD, "root", keyFile)).plan();
            AppFolders folders = new AppFolders(dir.resolve("app"));
            folders.useKnownHosts(plan, dir.resolve("known_hosts"));
            var tester = new SshConnectionTester(folders, CredentialPrompt.refusing());
            Node node = plan.nodes().get(0);

            NodeCheck first = tester.test(node);
            assertTrue(first.needsHostKeyDecision(), first.toString());
            assertTrue(first.hostKeyFingerprint().startsWith("SHA256:"), first.hostKeyFingerprint());
            assertFalse(Files.exists(dir.resolve("known_hosts")) && !Files.readString(dir.resolve("known_hosts")).isBlank(),
                    "nothing is accepted silently");

            tester.trustHostKey(node, first.hostKeyFingerprint());
            NodeCheck second = tester.test(node);
            assertTrue(second.passed(), second.toString());
            assertTrue(second.os().startsWith("Debian"), second.os());
        }
    }

    @Test
    void runLauncherInstallsASimulatedClusterAndSavesTheAdminKubeconfig() throws Exception {
        AppFolders folders = new AppFolders(dir.resolve("app"));
        var simulator = new InProcessSimulator(folders);
        Plan plan = simulator.start(2, false);
        var finished = new CompletableFuture<ProgressEvent.RunFinished>();
        var started = new CompletableFuture<RunHandle>();
        var kubeconfigWhenFinished = new CompletableFuture<Optional<Path>>();
        try {
            started.complete(new WorkflowRunLauncher(folders, dir.resolve("runs"), CredentialPrompt.refusing()).start(plan,
                    RunKind.INSTALL, Set.of(), event -> {
                        if (event instanceof ProgressEvent.RunFinished done) {
                            // The Run page describes the summary as this event reaches it: the kubeconfig must be known then.
                            kubeconfigWhenFinished.complete(started.join().adminKubeconfig());
                            finished.complete(done);
                        }
                    }));
            var done = finished.get(4, TimeUnit.MINUTES);
            assertTrue(done.summary().succeeded(), done.summary().describe());
            assertTrue(Files.exists(started.join().runFolder().resolve("node001.log")));
            assertEquals(Optional.of(folders.adminKubeconfig(plan)), kubeconfigWhenFinished.join());
            assertTrue(Files.readString(folders.adminKubeconfig(plan)).contains("client-certificate-data"));
        } finally {
            simulator.stopRunning();
        }
    }

    @Test
    void thePreviewOfAnUpgradeAsksTheNodesWhatTheirStepsAreAndChangesNothing() throws Exception {
        AppFolders folders = new AppFolders(dir.resolve("app"));
        Plan plan = new InProcessSimulator(folders).start(2, true);
        var renderer = new CorePlanRenderer(folders, CredentialPrompt.refusing());

        var steps = renderer.steps(plan, RunKind.UPGRADE, renderer.render(plan, RunKind.UPGRADE));

        List<String> master = steps.get(plan.masters().get(0).hostName());
        assertTrue(master.get(0).startsWith("1. Lock the node for this run [lock/node]"), master.toString());
        assertTrue(master.stream().anyMatch(l -> l.startsWith("2. Take the cluster's CA [pki/adopt-ca] on the first master")),
                master.toString());
        // Asked, the node's systemd units are what the conversion stops: no fresh node has them.
        // The manifest is written beside the backup first, then one command stops the service, looks whether its port is
        // closed and if so moves the manifest into place: no round trip between the two.
        int replace = indexOf(master, " +run systemctl disable 'kube-apiserver.service' && systemctl stop --no-block 'kube-apiserver.service'"
                + " \\|\\| exit 1; curl .*'https://.*:6443/readyz' \\| grep -qx 7 \\|\\| exit 75;"
                + " mkdir -p '/etc/kubernetes/manifests' && mv -f .* '/etc/kubernetes/manifests/kube-apiserver.yaml'"
                + " && systemctl stop 'kube-apiserver.service'");
        assertTrue(indexOf(master, " +write /etc/kubernetes/backup/.*/staged/kube-apiserver.yaml \\(644\\)") < replace, master.toString());
        assertFalse(Files.exists(folders.adminKubeconfig(plan)), "a preview saves no kubeconfig");
        assertTrue(Files.exists(folders.pkiDir(plan).resolve("ca.crt")), "the upgrade's first phase took the cluster's CA");
    }

    /**
     * The preview's steps reuse what its reads asked and take the masters' turns side by side: they are exactly those of
     * a dry run of the same files that asks every node everything again, one node at a time.
     */
    @ParameterizedTest
    @EnumSource(value = LegacyLayout.class, names = {"KUBEADM", "HARD_WAY"}) // Kismatic's CA key is on no master: refused
    void thePreviewOfAnUpgradeShowsWhatADryRunAskingEverythingAgainInTurnShows(LegacyLayout layout) throws Exception {
        KeyPair keys = ClientKeys.generate();
        Path keyFile = dir.resolve("id_ed25519");
        ClientKeys.write(keys, keyFile, "test");
        String version = layout == LegacyLayout.HARD_WAY ? "1.32.11" : KubernetesVersion.DEFAULT.toString();
        try (SimulatedCluster cluster = SimulatedCluster.builder().nodes(4).masters(3).provisioning(Provisioning.LEGACY_SYSTEMD)
                .layout(layout).kubernetesVersion(version).sshUser("root", SudoPolicy.noPassword()).authorizedKey(keys.getPublic())
                .timing(SimTiming.fast()).workDir(dir.resolve("nodes")).start()) {
            Plan plan = PlanFile.parse("p.yaml", SimPlanWriter.yaml(cluster, version, ContainerRuntime.CONTAINERD, "root", keyFile)).plan();
            AppFolders folders = new AppFolders(dir.resolve("app"));
            ClientKeys.writeKnownHosts(cluster.nodes(), dir.resolve("known_hosts"));
            folders.useKnownHosts(plan, dir.resolve("known_hosts"));
            var renderer = new CorePlanRenderer(folders, CredentialPrompt.refusing());

            RenderedCluster files = renderer.render(plan, RunKind.UPGRADE);
            var steps = withoutRunTime(renderer.steps(plan, RunKind.UPGRADE, files));

            var request = ClusterRun.Request.of(plan, ClusterRun.Kind.UPGRADE, folders.pkiDir(plan), folders.adminKubeconfig(plan));
            DryRunReport report = new DryRunReport();
            try (NodeConnector connector = new NodeConnector(CredentialPrompt.refusing(), folders.ssh(plan), SshOptions.DEFAULT);
                 ClusterRun run = ClusterRun.preview(request.withConcurrency(1), files, Optional.of(SshRemote.factory(connector)))) {
                run.run(Set.of(), report);
                assertEquals(withoutRunTime(report.describeAll(plan, run.workflow())), steps);
            }
            assertTrue(steps.get("node002").stream().anyMatch(line -> line.contains("[upgrade/apiserver]")), steps.toString());
        }
    }

    /** Each node's steps without the run's own time stamp (its backup folder, its lock). */
    private static Map<String, List<String>> withoutRunTime(Map<String, List<String>> steps) {
        Map<String, List<String>> stamped = new LinkedHashMap<>();
        steps.forEach((node, lines) -> stamped.put(node, lines.stream().map(l -> l.replaceAll("\\d{8}-\\d{6}", "<run>")).toList()));
        return stamped;
    }

    @Test
    void thePreviewOfAnUpgradeRefusesAPkiFolderWithAnotherCa() throws Exception {
        AppFolders folders = new AppFolders(dir.resolve("app"));
        Plan plan = new InProcessSimulator(folders).start(1, true);
        Files.createDirectories(folders.pkiDir(plan));
        Files.writeString(folders.pkiDir(plan).resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\nnot the cluster's\n");
        var renderer = new CorePlanRenderer(folders, CredentialPrompt.refusing());

        var refused = assertThrows(java.io.IOException.class, () -> renderer.render(plan, RunKind.UPGRADE));
        assertTrue(refused.getMessage().contains("holds another CA than the cluster"), refused.getMessage());
    }

    /** Where the first line matching the pattern is; fails the test when none does. */
    private static int indexOf(List<String> lines, String pattern) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(pattern)) {
                return i;
            }
        }
        throw new AssertionError("no line matches " + pattern + " in " + lines);
    }
}
