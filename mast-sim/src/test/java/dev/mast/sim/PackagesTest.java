package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ContainerRuntime;
import dev.mast.sim.machine.OsImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apt-get, dpkg and rpm/yum: packages own files, installing enables and starts services, purging removes them. */
class PackagesTest {
    @TempDir
    Path tmp;

    /** What kubeadm's installation guide does on Debian: the key in /etc/apt/keyrings, a source that names it. */
    static final String KUBERNETES_APT_SOURCE = "mkdir -p /etc/apt/keyrings"
            + " && curl -fsSL -o /etc/apt/keyrings/kubernetes-apt-keyring.asc https://pkgs.k8s.io/core:/stable:/v1.34/deb/Release.key"
            + " && echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.asc] https://pkgs.k8s.io/core:/stable:/v1.34/deb/ /'"
            + " > /etc/apt/sources.list.d/kubernetes.list && apt-get update";

    @Test
    void installingTheKubeletFromKubernetesRepositoryPutsItsUnitInPlace() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            assertEquals(1, sim.exec("dpkg -s kubelet").status());
            sim.run(KUBERNETES_APT_SOURCE);
            SshTestClient.Result install = sim.exec("DEBIAN_FRONTEND=noninteractive apt-get install -y kubelet=1.34.3-1.1 cri-tools");
            assertEquals(0, install.status(), install.err());
            assertTrue(install.out().contains("Setting up kubelet (1.34.3-1.1) ..."), install.out());
            assertTrue(sim.run("dpkg -s kubelet").contains("Status: install ok installed\n"));
            assertEquals("install ok installed", sim.run("dpkg-query -W -f='${Status}' kubelet"));
            assertTrue(sim.run("systemctl cat kubelet").startsWith("# /lib/systemd/system/kubelet.service\n"));
            assertEquals("enabled\n", sim.run("systemctl is-enabled kubelet"));
            assertEquals("/usr/bin/crictl\n", sim.run("command -v crictl"));
            assertEquals("Kubernetes v1.34.3\n", sim.run("kubelet --version"));
            assertTrue(sim.run("dpkg -l kubelet cri-tools").contains("ii  kubelet"));
        }
    }

    @Test
    void anUnknownPackageOrAMissingYesChangesNothing() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            SshTestClient.Result unknown = sim.exec("apt-get install -y containerd nosuchpackage");
            assertEquals(100, unknown.status());
            assertTrue(unknown.err().contains("E: Unable to locate package nosuchpackage"), unknown.err());
            assertEquals(1, sim.exec("dpkg -s containerd").status());
            SshTestClient.Result noYes = sim.exec("apt-get install containerd");
            assertEquals(1, noYes.status());
            assertTrue(noYes.out().contains("Abort."), noYes.out());
            assertEquals(1, sim.exec("dpkg -s containerd").status());
        }
    }

    /** A dpkg killed in the middle of its work leaves it journalled; apt changes nothing until it is finished. */
    @Test
    void aDpkgKilledHalfWayLeavesAptRefusingChangesUntilDpkgConfigureFinishesIt() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            sim.run("mkdir -p /var/lib/dpkg/updates && echo 'Package: containerd' > /var/lib/dpkg/updates/0000");
            for (String change : java.util.List.of("apt-get install -y containerd", "apt-get purge -y containerd")) {
                SshTestClient.Result refused = sim.exec(change);
                assertEquals(100, refused.status(), change);
                assertTrue(refused.err().contains("E: dpkg was interrupted, you must manually run 'dpkg --configure -a'"), refused.err());
            }
            assertEquals(1, sim.exec("dpkg -s containerd").status(), "nothing changed");
            assertEquals(2, sim.exec("dpkg --configure").status(), "--configure needs -a or a package");

            sim.run("dpkg --configure -a");

            assertEquals("", sim.run("ls -A /var/lib/dpkg/updates"));
            assertEquals(0, sim.exec("apt-get install -y containerd").status());
        }
    }

    @Test
    void purgeRemovesThePackagesUnitAndStopsIt() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.LEGACY_SYSTEMD))) {
            assertEquals("active\n", sim.run("systemctl is-active kube-scheduler"));
            sim.run("apt-get purge -y kube-scheduler");
            assertEquals(1, sim.exec("test -e /lib/systemd/system/kube-scheduler.service").status());
            assertEquals(1, sim.exec("test -e /usr/bin/kube-scheduler").status());
            assertEquals(1, sim.exec("systemctl is-enabled kube-scheduler").status());
            assertEquals(3, sim.exec("systemctl is-active kube-scheduler").status());
            assertEquals(1, sim.exec("dpkg -s kube-scheduler").status());
            assertEquals(7, sim.exec("curl -sk https://127.0.0.1:10259/healthz").status());
            assertTrue(sim.run("apt-get purge -y kube-scheduler").contains("Package 'kube-scheduler' is not installed, so not removed"));
        }
    }

    @Test
    void removeKeepsConfigurationFilesUntilPurge() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.FRESH_WITH_RUNTIME))) {
            assertEquals("active\n", sim.run("systemctl is-active containerd"));
            sim.run("apt-get remove -y containerd");
            assertTrue(sim.run("dpkg -s containerd").contains("Status: deinstall ok config-files"));
            assertEquals(0, sim.exec("test -f /etc/containerd/config.toml").status());
            assertEquals(1, sim.exec("test -e /usr/bin/containerd").status());
            assertEquals("inactive\n", sim.exec("systemctl is-active containerd").out());
            sim.run("apt-get purge -y containerd");
            assertEquals(1, sim.exec("test -e /etc/containerd/config.toml").status());
            assertEquals(1, sim.exec("dpkg -s containerd").status());
        }
    }

    @Test
    void dependenciesComeAlongAndGoWithWhatNeedsThem() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            sim.run("apt-get install -y docker.io cri-dockerd");
            assertEquals("install ok installed", sim.run("dpkg-query -W -f='${Status}' containerd"));
            assertEquals("active\nactive\nactive\n", sim.run("systemctl is-active containerd docker cri-docker"));
            String removal = sim.run("apt-get purge -y containerd");
            assertTrue(removal.contains("containerd* docker.io* cri-dockerd*"), removal);
            assertEquals(1, sim.exec("dpkg -s docker.io").status());
            assertEquals(127, sim.exec("docker ps").status());
        }
    }

    @Test
    void debiansEtcdServerStartsWithItsDefaults() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1))) {
            sim.run("apt-get install -y etcd-server");
            assertEquals("{\"health\":\"true\",\"reason\":\"\"}", sim.run("curl -s http://127.0.0.1:2379/health"));
            assertTrue(sim.run("systemctl show -p ExecStart --value etcd").contains("argv[]=/usr/bin/etcd $DAEMON_ARGS"));
            assertTrue(sim.run("systemctl status etcd").contains("\u2514\u2500"));
        }
    }

    @Test
    void anRpmNodeHasRpmAndYumInsteadOfApt() throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).os(OsImage.ROCKY_9).runtime(ContainerRuntime.CONTAINERD))) {
            assertTrue(sim.run("cat /etc/os-release").contains("ID=\"rocky\""));
            assertEquals(127, sim.exec("apt-get install -y runc").status());
            assertEquals("package runc is not installed\n", sim.exec("rpm -q runc").out());
            assertTrue(sim.run("yum install -y runc").contains("Complete!"));
            assertEquals("runc-1.1.5+ds1-1+deb12u1.x86_64\n", sim.run("rpm -q runc"));
            sim.run("yum remove -y runc");
            assertEquals(1, sim.exec("rpm -q runc").status());
            assertEquals(1, sim.exec("yum install -y etcd").status(), "Rocky ships no etcd");
        }
    }
}
