package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.EtcdSource;
import dev.mast.plan.ProgramSource;
import dev.mast.plan.Sources;
import dev.mast.sim.Provisioning;
import dev.mast.sim.machine.OsImage;
import dev.mast.workflow.RunSummary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes programs and etcd come from where the plan says, at its exact version, on nodes whose
 * distribution has none of them: Kubernetes' repositories (deb, deb822, rpm), the release binaries, etcd's
 * image, tarball or package; preflight finds what stands in the way before anything changes.
 */
class SourcesOnSimulatorTest {
    @TempDir
    Path dir;

    private static String out(SimulatedRun sim, String node, String command) throws Exception {
        var output = sim.sh(node, command);
        assertEquals(0, output.exitStatus(), command + " on " + node + ": " + output.lastLines());
        return String.join("\n", output.stdout());
    }

    @Test
    void packagesComeFromKubernetesRepositoryAtTheExactVersionAndAreHeld() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            RunSummary summary = sim.install();
            assertTrue(summary.succeeded(), summary.describe());
            for (String node : List.of("node001", "node002")) {
                assertEquals("hold ok installed 1.34.3-1.1", out(sim, node, "dpkg-query -W -f='${Status} ${Version}' kubelet"), node);
                assertTrue(out(sim, node, "apt-mark showhold").contains("cri-tools"), node);
                assertEquals("# Kubernetes 1.34 packages, set up by Mast\ndeb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.asc]"
                        + " https://pkgs.k8s.io/core:/stable:/v1.34/deb/ /", out(sim, node, "cat /etc/apt/sources.list.d/kubernetes.list"));
                assertTrue(out(sim, node, "systemctl show -p ExecStart --value kubelet").contains("path=/usr/bin/kubelet ;"), node);
            }
            assertEquals("hold ok installed 1.34.3-1.1", out(sim, "node001", "dpkg-query -W -f='${Status} ${Version}' kubectl"));
            assertEquals(1, sim.sh("node002", "dpkg -s kubectl").exitStatus(), "kubectl only on masters");
            assertTrue(sim.log("node001").contains("node001 is amd64"), sim.log("node001"));
            assertTrue(out(sim, "node001", "/usr/local/bin/etcd --version").startsWith("etcd Version: 3.6.5"),
                    "etcd of the version kubeadm pins, out of its image");
            assertTrue(sim.log("node001").contains("installed etcd 3.6.5 from the image"), sim.log("node001"));
        }
    }

    @Test
    void ubuntuGetsADeb822SourceAndRockyARepoFileThatExcludesTheKubernetesPackages() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD,
                spec -> spec.withOs(spec.hostName().equals("node001") ? OsImage.UBUNTU_24_04 : OsImage.ROCKY_9))) {
            RunSummary summary = sim.install();
            assertTrue(summary.succeeded(), summary.describe());
            assertTrue(out(sim, "node001", "cat /etc/apt/sources.list.d/kubernetes.sources").contains(
                    "Signed-By: /etc/apt/keyrings/kubernetes-apt-keyring.asc"));
            assertEquals(1, sim.sh("node001", "test -e /etc/apt/sources.list.d/kubernetes.list").exitStatus());
            assertTrue(out(sim, "node002", "cat /etc/yum.repos.d/kubernetes.repo").contains("exclude=kubelet kubectl cri-tools kubernetes-cni"));
            assertEquals("1.34.3-150500.1.1", out(sim, "node002", "rpm -q --qf '%{VERSION}-%{RELEASE}' kubelet"));
        }
    }

    @Test
    void releaseBinariesAreCheckedInstalledInUsrLocalBinAndRunByMastsUnit() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.node("node002").machine().setUnameMachine("aarch64");
            sim.usePlan(sim.plan.withSources(Sources.DEFAULT.withKubernetes(ProgramSource.BINARIES).withEtcd(EtcdSource.RELEASE)));
            RunSummary summary = sim.install();
            assertTrue(summary.succeeded(), summary.describe());
            assertEquals("Kubernetes v1.34.3", out(sim, "node002", "/usr/local/bin/kubelet --version"), "the arm64 binary runs there");
            assertTrue(sim.log("node002").contains("node002 is arm64"), sim.log("node002"));
            assertTrue(sim.log("node002").contains("https://dl.k8s.io/release/v1.34.3/bin/linux/arm64/kubelet"), sim.log("node002"));
            assertTrue(out(sim, "node001", "/usr/local/bin/kubectl version --client").startsWith("Client Version: v1.34.3"));
            assertEquals(1, sim.sh("node001", "dpkg -s kubelet").exitStatus(), "no package");
            assertTrue(out(sim, "node001", "systemctl show -p ExecStart --value kubelet").contains("path=/usr/local/bin/kubelet ;"));
            assertEquals("/usr/local/bin/crictl", out(sim, "node002", "command -v crictl"));
            assertEquals(0, sim.sh("node002", "test -x /opt/cni/bin/bridge").exitStatus());
            assertEquals(0, sim.sh("node002", "dpkg -s iptables conntrack").exitStatus(), "what the kubelet's package would depend on");
            assertTrue(out(sim, "node001", "/usr/local/bin/etcd --version").startsWith("etcd Version: 3.6.5"), "from etcd's tarball");
            assertEquals(1, sim.sh("node001", "test -e /var/tmp/mast-downloads/kubelet").exitStatus(), "nothing left behind");

            RunSummary again = sim.install();
            assertTrue(again.succeeded(), again.describe());
            assertTrue(sim.states("node002", "kubernetes/install").contains(dev.mast.workflow.StepState.SKIPPED));
        }
    }

    @Test
    void aDownloadThatDoesNotMatchItsPublishedChecksumIsNeitherInstalledNorLeftBehind() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 1, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.usePlan(sim.plan.withSources(Sources.DEFAULT.withKubernetes(ProgramSource.BINARIES)));
            String kubelet = "https://dl.k8s.io/release/v1.34.3/bin/linux/amd64/kubelet";
            sim.cluster.internet().damage(kubelet);
            RunSummary summary = sim.install();
            assertEquals("kubernetes/install", summary.failed().get(0).phase(), summary.describe());
            assertTrue(summary.describe().contains("kubelet from " + kubelet + " does not match its published SHA-256 "),
                    summary.describe());
            assertEquals(1, sim.sh("node001", "test -e /usr/local/bin/kubelet").exitStatus(), "not installed");
            assertEquals(1, sim.sh("node001", "test -e /var/tmp/mast-downloads/kubelet").exitStatus(), "not left behind");
        }
    }

    @Test
    void aMissingVersionFailsPreflightNamingNodePackageAndVersionAndChangesNothing() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.usePlan(TestPlanChanges.withVersion(sim.plan, "1.34.9"));
            RunSummary summary = sim.install();
            assertFalse(summary.succeeded());
            assertEquals("preflight/sources", summary.failed().get(0).phase());
            assertTrue(summary.describe().contains("node002 cannot install kubelet 1.34.9: https://pkgs.k8s.io/core:/stable:/v1.34/deb/"
                    + " has kubelet 1.34.0 to 1.34.3"), summary.describe());
            assertEquals(1, sim.sh("node001", "test -e /etc/apt/sources.list.d/kubernetes.list").exitStatus(), "nothing changed");
            assertEquals(1, sim.sh("node001", "test -e /etc/kubernetes/pki/ca.crt").exitStatus(), "nothing changed");
        }
    }

    @Test
    void aNodeThatCannotReachASourceIsNamedWithWhatItCouldNotReach() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.cluster.internet().block("node002");
            RunSummary summary = sim.install();
            assertEquals(List.of("node002"), summary.failed().stream().map(o -> o.node()).toList(), summary.describe());
            assertTrue(summary.describe().contains("node002 cannot reach https://pkgs.k8s.io/core:/stable:/v1.34/deb/Packages"
                    + " (Kubernetes' package repository): curl: (28) Failed to connect to pkgs.k8s.io port 443"), summary.describe());
            assertTrue(summary.describe().contains("node002 cannot reach https://registry.k8s.io/v2/ (the component images)"));
        }
    }

    @Test
    void anotherVersionInstalledBeforeIsNamedAndReplacedWithinTheSkewPolicyOrRefused() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            String source = "mkdir -p /etc/apt/keyrings && curl -fsSL -o /etc/apt/keyrings/k.asc https://pkgs.k8s.io/core:/stable:/v1.33/deb/Release.key"
                    + " && echo 'deb [signed-by=/etc/apt/keyrings/k.asc] https://pkgs.k8s.io/core:/stable:/v1.33/deb/ /'"
                    + " > /etc/apt/sources.list.d/old.list && apt-get update";
            out(sim, "node002", source + " && apt-get install -y kubelet=1.33.7-1.1 && apt-mark hold kubelet && rm /etc/apt/sources.list.d/old.list"
                    + " && systemctl stop kubelet");
            RunSummary summary = sim.install();
            assertTrue(summary.succeeded(), summary.describe());
            assertTrue(sim.log("node002").contains("node002 has kubelet 1.33.7; the plan installs 1.34.3: Mast replaces it"
                    + " (package kubelet 1.33.7-1.1)"), sim.log("node002"));
            assertEquals("hold ok installed 1.34.3-1.1", out(sim, "node002", "dpkg-query -W -f='${Status} ${Version}' kubelet"));

            sim.usePlan(TestPlanChanges.withVersion(sim.plan, "1.33.7"));
            RunSummary older = sim.install();
            assertEquals("preflight/sources", older.failed().get(0).phase());
            assertTrue(older.describe().contains("node002 has kubelet 1.34.3; the plan installs 1.33.7: a kubelet newer than its API"
                    + " server is outside Kubernetes' version skew policy and Mast does not downgrade one"), older.describe());
        }
    }

    @Test
    void theDistributionsEtcdIsTakenWhenThePlanSaysWithAWarningWhenOlder() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 1, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            sim.usePlan(sim.plan.withSources(Sources.DEFAULT.withEtcd(EtcdSource.PACKAGE)));
            RunSummary summary = sim.install();
            assertTrue(summary.succeeded(), summary.describe());
            assertTrue(sim.log("node001").contains("the distribution's etcd-server is 3.4.23, older than the 3.6.5 kubeadm pins for"
                    + " Kubernetes 1.34"), sim.log("node001"));
            assertTrue(sim.log("node001").contains("the distribution's package installed etcd 3.4.23, while kubeadm pins 3.6.5"
                    + " for Kubernetes 1.34: an older etcd than the release was tested with"), sim.log("node001"));
        }
    }
}
