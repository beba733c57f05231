package dev.mast.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.EtcdSource;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.plan.ProgramSource;
import dev.mast.plan.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real programs come to the nodes the way a user's do: from the bed's stand-ins for pkgs.k8s.io (a signed
 * repository of pkgs.k8s.io's package names and versions), dl.k8s.io (binaries with their .sha256) and GitHub's
 * release files, and from its registry standing in for registry.k8s.io, all named in the plan's sources as a
 * site's mirrors; the nodes reach nothing else.
 */
@Tag("e2e")
@ExtendWith(E2e.class)
class SourcesE2eTest {
    @TempDir
    Path dir;

    /** Rewrites the plan nodes.sh wrote. */
    private static void changePlan(TestNodes nodes, UnaryOperator<Plan> change) throws IOException {
        PlanFile.write(change.apply(PlanFile.read(nodes.plan()).plan()), nodes.plan());
    }

    private static String nodeLog(MastCli.Run run, String node) throws IOException {
        return Files.readString(run.runLog().orElseThrow().resolve(node + ".log"));
    }

    @Test
    void packagesComeFromTheKubernetesRepositoryAtThePlansVersionHeldAndAnOlderKubeletIsReplaced() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 2, 1)) {
            MastCli mast = new MastCli(dir);
            String version = nodes.bed().kubernetesVersion();
            String repository = PlanFile.read(nodes.plan()).plan().sources().packageRepository() + "/deb/";
            NodeShell worker = nodes.shell("node002");
            assertFalse(worker.check("curl -sS --max-time 5 -o /dev/null https://pkgs.k8s.io/"), "a node reaches no internet");
            assertFalse(worker.check("apt-cache show kubelet"), "the distribution's repository has no kubelet");

            // A version the repository does not have: preflight names node, package and version, and nothing changes.
            String missing = version.substring(0, version.lastIndexOf('.') + 1) + "99";
            changePlan(nodes, p -> p.withKubernetesVersion(missing));
            MastCli.Run refused = InstallE2eTest.install(mast, nodes);
            assertEquals(1, refused.exit(), refused.describe());
            String older = version.substring(0, version.lastIndexOf('.') + 1)
                    + (Integer.parseInt(version.substring(version.lastIndexOf('.') + 1)) - 1);
            assertTrue(refused.output().contains("node001 cannot install kubelet " + missing + ": " + repository + " has kubelet "
                    + older + " to " + version), refused.describe());
            for (String node : nodes.all()) {
                assertFalse(nodes.shell(node).check("test -e /etc/apt/sources.list.d/kubernetes.list"), node + ": nothing changed");
                assertFalse(nodes.shell(node).check("test -e /etc/kubernetes/pki"), node + ": nothing changed");
            }
            changePlan(nodes, p -> p.withKubernetesVersion(version));

            // An older kubelet, from the same repository, installed and held by hand before Mast comes.
            worker.sudo("mkdir -p /etc/apt/keyrings && curl -fsSL -o /etc/apt/keyrings/by-hand.asc " + repository + "Release.key"
                    + " && echo 'deb [signed-by=/etc/apt/keyrings/by-hand.asc] " + repository + " /'"
                    + " >/etc/apt/sources.list.d/by-hand.list && apt-get update -q && apt-get install -y -q kubelet=" + older + "-1.1"
                    + " && apt-mark hold kubelet && rm /etc/apt/sources.list.d/by-hand.list && systemctl stop kubelet");

            MastCli.Run run = InstallE2eTest.install(mast, nodes);

            assertEquals(0, run.exit(), InstallE2eTest.describe(run, nodes));
            assertTrue(nodeLog(run, "node002").contains("node002 has kubelet " + older + "; the plan installs " + version
                    + ": Mast replaces it (package kubelet " + older + "-1.1)"), nodeLog(run, "node002"));
            for (String node : nodes.all()) {
                NodeShell shell = nodes.shell(node);
                assertEquals("hold ok installed " + version + "-1.1", shell.sudo("dpkg-query -W -f='${Status} ${Version}' kubelet"), node);
                assertEquals("Kubernetes v" + version, shell.sudo("/usr/bin/kubelet --version").strip(), node);
                assertTrue(shell.sudo("cat /etc/apt/sources.list.d/kubernetes.list").contains(
                        "[signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.asc] " + repository + " /"), node);
                assertTrue(shell.sudo("apt-cache policy kubelet").contains(repository.substring(0, repository.length() - 1)), node);
                assertTrue(shell.sudo("cat /etc/containerd/certs.d/registry.k8s.io/hosts.toml")
                        .contains("[host.\"" + nodes.bed().registry() + "\"]"), node + ": Mast pointed containerd at the registry");
            }
            assertEquals("hold ok installed " + version + "-1.1", nodes.shell("node001").sudo(
                    "dpkg-query -W -f='${Status} ${Version}' kubectl"));
            assertTrue(nodes.shell("node001").sudo("/usr/local/bin/etcd --version").contains("etcd Version: 3.4."),
                    "etcd copied out of the pinned tag's image (Debian's 3.4 inside, the bed's only etcd)");
            assertTrue(nodeLog(run, "node001").contains("while kubeadm pins"), "the older etcd is named");
            ClusterChecks.assertHealthy(nodes, nodes.kubectl(nodes.adminKubeconfig()));
            E2e.parts("sources: packages", Map.of("boot", nodes.bootTime(), "refused", refused.took(), "install", run.took()));
        }
    }

    @Test
    void releaseBinariesAndEtcdsTarballComeFromTheDownloadSitesCheckedAgainstTheirChecksums() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 2, 1)) {
            MastCli mast = new MastCli(dir);
            String version = nodes.bed().kubernetesVersion();
            String sites = nodes.bed().sources();
            changePlan(nodes, p -> p.withSources(Sources.DEFAULT.withKubernetes(ProgramSource.BINARIES).withEtcd(EtcdSource.RELEASE)
                    .withBinaries(sites + "/dl/release").withGithubReleases(sites + "/github").withImageRegistry(nodes.bed().registry())));

            MastCli.Run run = InstallE2eTest.install(mast, nodes);

            assertEquals(0, run.exit(), InstallE2eTest.describe(run, nodes));
            assertTrue(nodeLog(run, "node002").contains(sites + "/dl/release/v" + version + "/bin/linux/amd64/kubelet"));
            for (String node : nodes.all()) {
                NodeShell shell = nodes.shell(node);
                assertEquals("Kubernetes v" + version, shell.sudo("/usr/local/bin/kubelet --version").strip(), node);
                assertFalse(shell.check("dpkg -s kubelet"), node + ": no package");
                assertTrue(shell.sudo("systemctl show -p ExecStart --value kubelet").contains("path=/usr/local/bin/kubelet ;"), node);
                assertEquals("/usr/local/bin/crictl", shell.sudo("command -v crictl").strip(), node);
                assertTrue(shell.check("test -x /opt/cni/bin/bridge"), node + ": the CNI plugins");
                assertFalse(shell.check("ls /var/tmp/mast-downloads/* 2>/dev/null | grep -q ."), node + ": nothing left behind");
            }
            assertNotEquals("", nodes.shell("node001").sudo("/usr/local/bin/kubectl version --client 2>/dev/null"));
            assertTrue(nodes.shell("node001").sudo("/usr/local/bin/etcd --version").contains("etcd Version: 3.4."),
                    "etcd out of its release tarball (Debian's 3.4 inside, the bed's only etcd)");
            ClusterChecks.assertHealthy(nodes, nodes.kubectl(nodes.adminKubeconfig()));
            E2e.parts("sources: binaries", Map.of("boot", nodes.bootTime(), "install", run.took()));
        }
    }
}
