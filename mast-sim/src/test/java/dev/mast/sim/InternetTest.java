package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ContainerRuntime;
import dev.mast.sim.internet.Internet;
import dev.mast.sim.machine.OsImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nodes' internet as the real one behaves for what Mast installs: Debian has no kubelet, Kubernetes'
 * repositories must be set up and trusted, versions are exact, holds and downgrades need asking for, the
 * release files check out against their checksums, a cut-off node reaches only mirrors.
 */
class InternetTest {
    private static final String KEY = "https://pkgs.k8s.io/core:/stable:/v1.34/deb/Release.key";
    private static final String LIST = "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.asc] https://pkgs.k8s.io/core:/stable:/v1.34/deb/ /";
    private static final String SOURCE = "mkdir -p /etc/apt/keyrings && curl -fsSL -o /etc/apt/keyrings/kubernetes-apt-keyring.asc " + KEY
            + " && echo '" + LIST + "' > /etc/apt/sources.list.d/kubernetes.list";

    @TempDir
    Path tmp;

    @Test
    void debianShipsNoKubeletUntilKubernetesRepositoryIsSetUp() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            SshTestClient.Result none = sim.exec("apt-get install -y kubelet");
            assertEquals(100, none.status());
            assertTrue(none.err().contains("E: Unable to locate package kubelet"), none.err());
            assertTrue(sim.run("apt-cache policy kubelet").contains("Candidate: (none)"));

            sim.run(SOURCE + " && apt-get update");
            String madison = sim.run("apt-cache madison kubelet");
            assertTrue(madison.startsWith("   kubelet | 1.34.3-1.1 | https://pkgs.k8s.io/core:/stable:/v1.34/deb/ Packages\n"), madison);
            assertTrue(madison.contains(" kubelet | 1.34.0-1.1 | "), madison);
            SshTestClient.Result missing = sim.exec("apt-get install -y kubelet=1.34.9-1.1");
            assertEquals(100, missing.status());
            assertTrue(missing.err().contains("E: Version '1.34.9-1.1' for 'kubelet' was not found"), missing.err());
            sim.run("apt-get install -y kubelet=1.34.2-1.1");
            assertEquals("Kubernetes v1.34.2\n", sim.run("kubelet --version"));
        }
    }

    @Test
    void aRepositoryWithoutItsKeyIsNotReadAndADeb822SourceIsRead() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            sim.run("echo '" + LIST + "' > /etc/apt/sources.list.d/kubernetes.list");
            SshTestClient.Result unsigned = sim.exec("apt-get update");
            assertEquals(100, unsigned.status());
            assertTrue(unsigned.err().contains("NO_PUBKEY " + sim.cluster.internet().keyId()), unsigned.err());
            assertTrue(unsigned.err().contains("E: The repository 'https://pkgs.k8s.io/core:/stable:/v1.34/deb  InRelease' is not signed."));
            assertEquals(100, sim.exec("apt-get install -y kubelet").status());

            sim.run("rm -f /etc/apt/sources.list.d/kubernetes.list && mkdir -p /etc/apt/keyrings"
                    + " && curl -fsSL -o /etc/apt/keyrings/k.asc " + KEY);
            sim.run("printf 'Types: deb\\nURIs: https://pkgs.k8s.io/core:/stable:/v1.34/deb/\\nSuites: /\\nSigned-By: /etc/apt/keyrings/k.asc\\n'"
                    + " > /etc/apt/sources.list.d/kubernetes.sources && apt-get update");
            sim.run("apt-get install -y kubectl=1.34.3-1.1");
            assertEquals("Client Version: v1.34.3\nKustomize Version: v5.7.1\n", sim.run("kubectl version --client"));
        }
    }

    @Test
    void aHeldPackageChangesOnlyWhenAskedAndADowngradeOnlyWhenAllowed() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            sim.run(SOURCE + " && apt-get update && apt-get install -y kubelet=1.34.3-1.1 && apt-mark hold kubelet");
            assertEquals("hold ok installed 1.34.3-1.1", sim.run("dpkg-query -W -f='${Status} ${Version}' kubelet"));
            assertEquals("kubelet\n", sim.run("apt-mark showhold"));
            SshTestClient.Result heldChange = sim.exec("apt-get install -y kubelet=1.34.2-1.1");
            assertEquals(100, heldChange.status());
            assertTrue(heldChange.err().contains("Held packages were changed and -y was used without --allow-change-held-packages"));
            SshTestClient.Result downgrade = sim.exec("apt-get install -y --allow-change-held-packages kubelet=1.34.2-1.1");
            assertTrue(downgrade.err().contains("Packages were downgraded and -y was used without --allow-downgrades"), downgrade.err());
            String done = sim.run("apt-get install -y --allow-change-held-packages --allow-downgrades kubelet=1.34.2-1.1");
            assertTrue(done.contains("Unpacking kubelet (1.34.2-1.1) over (1.34.3-1.1) ..."), done);
            assertEquals("Kubernetes v1.34.2\n", sim.run("kubelet --version"));
        }
    }

    @Test
    void aCutOffNodeReachesOnlyTheMirror() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            sim.cluster.internet().cutOff();
            SshTestClient.Result curl = sim.exec("curl -fsSL " + KEY);
            assertEquals(28, curl.status());
            assertTrue(curl.err().contains("curl: (28) Failed to connect to pkgs.k8s.io port 443"), curl.err());
            Internet.Mirror mirror = sim.cluster.internet().mirror("10.9.9.9");
            String mirrored = "http://10.9.9.9:8080/core:/stable:/v1.34/deb/";
            sim.run("mkdir -p /etc/apt/keyrings && curl -fsSL -o /etc/apt/keyrings/k.asc " + mirrored + "Release.key"
                    + " && echo 'deb [signed-by=/etc/apt/keyrings/k.asc] " + mirrored + " /' > /etc/apt/sources.list.d/k.list"
                    + " && echo '" + LIST + "' > /etc/apt/sources.list.d/upstream.list");
            SshTestClient.Result update = sim.exec("apt-get update");
            assertEquals(0, update.status(), "apt only warns about a source it cannot reach");
            assertTrue(update.err().contains("W: Failed to fetch https://pkgs.k8s.io/core:/stable:/v1.34/deb/InRelease"), update.err());
            assertTrue(sim.run("apt-cache madison kubelet").contains(mirrored), "the mirror's packages");
            assertEquals(mirror.files(), "http://10.9.9.9:8080");
        }
    }

    @Test
    void releaseFilesCheckOutAgainstTheirChecksumsAndRunOnlyOnTheirArchitecture() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            String url = "https://dl.k8s.io/release/v1.34.3/bin/linux/arm64/kubelet";
            String hash = sim.run("curl -fsSL " + url + ".sha256");
            assertEquals(64, hash.length());
            sim.run("curl -fsSL -o /tmp/kubelet " + url + " && echo '" + hash + "  /tmp/kubelet' | sha256sum -c"
                    + " && install -m 0755 /tmp/kubelet /usr/local/bin/kubelet");
            SshTestClient.Result wrongArch = sim.exec("/usr/local/bin/kubelet --version");
            assertEquals(126, wrongArch.status());
            assertTrue(wrongArch.err().contains("Exec format error"), wrongArch.err());
            sim.node("node001").machine().setUnameMachine("aarch64");
            assertEquals("aarch64\n", sim.run("uname -m"));
            assertEquals("Kubernetes v1.34.3\n", sim.run("/usr/local/bin/kubelet --version"));

            String tarball = "https://github.com/kubernetes-sigs/cri-tools/releases/download/v1.34.0/crictl-v1.34.0-linux-arm64.tar.gz";
            sim.run("curl -fsSL -o /tmp/crictl.tgz " + tarball + " && tar -xzf /tmp/crictl.tgz -C /usr/local/bin crictl");
            assertEquals("/usr/local/bin/crictl\n", sim.run("command -v crictl"));
            assertEquals(22, sim.exec("curl -fsSL -o /tmp/x https://dl.k8s.io/release/v1.34.99/bin/linux/amd64/kubelet").status());
        }
    }

    @Test
    void registryK8sIoImagesComeThroughTheMirrorContainerdsHostsName() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.FRESH_WITH_RUNTIME)
                .runtime(ContainerRuntime.CONTAINERD))) {
            sim.run("apt-get install -y cri-tools 2>/dev/null || true");
            sim.cluster.internet().cutOff();
            sim.cluster.internet().mirror("10.9.9.9");
            String etcd = "registry.k8s.io/etcd:3.6.5-0";
            assertEquals(1, sim.exec("ctr -n k8s.io images pull " + etcd).status(), "upstream is out of reach");
            sim.run("mkdir -p /etc/containerd/certs.d/registry.k8s.io && printf 'server = \"https://registry.k8s.io\"\\n"
                    + "[host.\"http://10.9.9.9:5000\"]\\n  capabilities = [\"pull\", \"resolve\"]\\n'"
                    + " > /etc/containerd/certs.d/registry.k8s.io/hosts.toml");
            sim.run("ctr -n k8s.io images pull --hosts-dir /etc/containerd/certs.d " + etcd);
            sim.run("mkdir -p /run/mast/etcd && ctr -n k8s.io images mount " + etcd + " /run/mast/etcd"
                    + " && install -m 0755 /run/mast/etcd/usr/local/bin/etcd /usr/local/bin/etcd && ctr -n k8s.io images unmount /run/mast/etcd");
            assertTrue(sim.run("/usr/local/bin/etcd --version").startsWith("etcd Version: 3.6.5\n"));
            assertEquals(1, sim.exec("test -e /run/mast/etcd/usr/local/bin/etcd").status());
        }
    }

    @Test
    void anRpmRepositoryKeepsItsExcludedPackagesFromEveryInstallThatDoesNotLiftThem() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).os(OsImage.ROCKY_9))) {
            sim.run("printf '[kubernetes]\\nname=Kubernetes\\nbaseurl=https://pkgs.k8s.io/core:/stable:/v1.34/rpm/\\nenabled=1\\ngpgcheck=1\\n"
                    + "gpgkey=https://pkgs.k8s.io/core:/stable:/v1.34/rpm/repodata/repomd.xml.key\\nexclude=kubelet kubectl\\n'"
                    + " > /etc/yum.repos.d/kubernetes.repo");
            assertEquals(1, sim.exec("yum install -y kubelet-1.34.3").status());
            String installed = sim.run("yum install -y --disableexcludes=kubernetes kubelet-1.34.3");
            assertTrue(installed.contains("Importing GPG key 0x9A296436"), installed);
            assertEquals("1.34.3-150500.1.1", sim.run("rpm -q --qf '%{VERSION}-%{RELEASE}' kubelet"));
            sim.cluster.internet().cutOff();
            SshTestClient.Result cutOff = sim.exec("yum install -y --disableexcludes=kubernetes kubectl-1.34.3");
            assertEquals(1, cutOff.status());
            assertTrue(cutOff.err().contains("Failed to download metadata for repo 'kubernetes'"), cutOff.err());
        }
    }
}
