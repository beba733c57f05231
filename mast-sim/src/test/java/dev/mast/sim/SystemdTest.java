package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.sim.machine.BinaryVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemctl and journalctl over unit files in the node's root. */
class SystemdTest {
    @TempDir
    static Path tmp;
    static SimFixture sim;

    @BeforeAll
    static void start() throws Exception {
        sim = SimFixture.start(tmp, b -> b.nodes(1));
        sim.run("printf '#!/bin/sh\\n' > /usr/local/bin/demo && chmod 755 /usr/local/bin/demo");
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
    }

    private static void unit(String name, String service) throws Exception {
        sim.run("printf '[Unit]\\nDescription=Demo " + name + "\\n\\n[Service]\\n" + service + "\\n\\n[Install]\\nWantedBy=multi-user.target\\n'"
                + " > /etc/systemd/system/" + name + ".service");
    }

    @Test
    void aUnitStartsStopsAndIsEnabledByLinks() throws Exception {
        unit("one", "ExecStart=/usr/local/bin/demo --flag");
        SshTestClient.Result inactive = sim.exec("systemctl is-active one");
        assertEquals("inactive\n", inactive.out());
        assertEquals(3, inactive.status());
        sim.run("systemctl start one");
        assertEquals("active\n", sim.run("systemctl is-active one.service"));
        assertEquals(1, sim.exec("systemctl is-enabled one").status());
        SshTestClient.Result enable = sim.exec("systemctl enable one");
        assertTrue(enable.err().contains("Created symlink /etc/systemd/system/multi-user.target.wants/one.service"), enable.err());
        assertEquals("enabled\n", sim.run("systemctl is-enabled one"));
        sim.run("systemctl stop one && systemctl disable one");
        assertEquals("inactive\n", sim.exec("systemctl is-active one").out());
        assertEquals("disabled\n", sim.exec("systemctl is-enabled one").out());
        sim.run("systemctl enable --now one");
        assertEquals("active\n", sim.run("systemctl is-active one"));
        sim.run("systemctl disable --now one");
        assertEquals("inactive\n", sim.exec("systemctl is-active one").out());
    }

    @Test
    void anUnknownUnitIsNotFound() throws Exception {
        SshTestClient.Result start = sim.exec("systemctl start nothing");
        assertEquals(5, start.status());
        assertTrue(start.err().contains("Unit nothing.service not found."), start.err());
        assertEquals(1, sim.exec("systemctl is-enabled nothing").status());
        assertEquals(4, sim.exec("systemctl status nothing").status());
        assertEquals(1, sim.exec("systemctl cat nothing").status());
    }

    @Test
    void aChangedUnitFileNeedsDaemonReload() throws Exception {
        unit("two", "ExecStart=/usr/local/bin/demo --old");
        sim.run("systemctl start two");
        unit("two", "ExecStart=/usr/local/bin/demo --new");
        SshTestClient.Result restart = sim.exec("systemctl restart two");
        assertTrue(restart.err().contains("changed on disk. Run 'systemctl daemon-reload'"), restart.err());
        assertTrue(sim.run("systemctl show -p ExecStart --value two").contains("argv[]=/usr/local/bin/demo --old"));
        assertTrue(sim.run("systemctl cat two").contains("--new"), "cat shows the file on disk");
        sim.run("systemctl daemon-reload && systemctl restart two");
        assertTrue(sim.run("systemctl show -p ExecStart --value two").contains("argv[]=/usr/local/bin/demo --new"));
        assertEquals("ActiveState=active\nSubState=running\n", sim.run("systemctl show -p ActiveState -p SubState two"));
    }

    @Test
    void catShowsTheFragmentAndItsDropIns() throws Exception {
        unit("three", "ExecStart=/usr/local/bin/demo");
        sim.run("mkdir -p /etc/systemd/system/three.service.d && printf '[Service]\\nExecStart=\\nExecStart=/usr/local/bin/demo --from-drop-in\\n'"
                + " > /etc/systemd/system/three.service.d/10-override.conf");
        String cat = sim.run("systemctl cat three");
        assertTrue(cat.startsWith("# /etc/systemd/system/three.service\n[Unit]\n"), cat);
        assertTrue(cat.contains("\n# /etc/systemd/system/three.service.d/10-override.conf\n[Service]\n"), cat);
        sim.run("systemctl daemon-reload && systemctl start three");
        assertTrue(sim.run("systemctl status three").contains("demo --from-drop-in"));
    }

    @Test
    void aNotifyServiceThatCannotStartFailsItsJob() throws Exception {
        // The real program, as a release binary: no distribution ships it.
        sim.run("printf '" + BinaryVersion.marker("kube-apiserver", "v1.34.3").replace("\n", "\\n") + "' > /usr/bin/kube-apiserver"
                + " && chmod 0755 /usr/bin/kube-apiserver");
        unit("broken", "Type=notify\\nExecStart=/usr/bin/kube-apiserver --etcd-servers=https://127.0.0.1:2379 --secure-port=7443");
        SshTestClient.Result start = sim.exec("systemctl start broken");
        assertEquals(1, start.status());
        assertTrue(start.err().contains("Job for broken.service failed because the control process exited with error code."), start.err());
        assertEquals("failed\n", sim.exec("systemctl is-active broken").out());
        String status = sim.exec("systemctl status broken").out();
        assertTrue(status.contains("Active: failed (Result: exit-code)"), status);
        String journal = sim.run("journalctl -u broken --no-pager");
        assertTrue(journal.contains("kube-apiserver["), journal);
        assertTrue(journal.contains("\"command failed\" err=\"failed to wait for etcd"), journal);
        assertTrue(journal.matches("(?s)[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d node001 systemd\\[1\\]: Starting broken.service.*"), journal);
    }

    @Test
    void aMissingProgramFailsTheUnit() throws Exception {
        unit("ghost", "ExecStart=/opt/none/ghost");
        assertEquals(0, sim.exec("systemctl start ghost").status());
        assertEquals("failed\n", sim.exec("systemctl is-active ghost").out());
        assertTrue(sim.run("journalctl -u ghost -n 3 --no-pager").contains("status=203/EXEC"));
    }

    @Test
    void aMaskedUnitDoesNotStart() throws Exception {
        unit("four", "ExecStart=/usr/local/bin/demo");
        SshTestClient.Result refused = sim.exec("systemctl mask four");
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("already exists"), refused.err());
        sim.run("mv /etc/systemd/system/four.service /lib/systemd/system/four.service && systemctl mask four");
        SshTestClient.Result start = sim.exec("systemctl start four");
        assertEquals(1, start.status());
        assertTrue(start.err().contains("masked"), start.err());
        sim.run("systemctl unmask four && systemctl start four");
        assertEquals("active\n", sim.run("systemctl is-active four"));
    }

    @Test
    void theKubeletRestartsUntilItsConfigurationAppears() throws Exception {
        // As kubeadm's package does: the kubelet reads its configuration file from a drop-in's command.
        sim.run("mkdir -p /etc/systemd/system/kubelet.service.d && printf '[Service]\\nExecStart=\\n"
                + "ExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml\\n' > /etc/systemd/system/kubelet.service.d/10-kubeadm.conf");
        sim.run(PackagesTest.KUBERNETES_APT_SOURCE + " && apt-get install -y kubelet");
        SimFixture.await("the kubelet has crashed once", () -> sim.node("node001").machine().systemd().state("kubelet.service").restarts() > 0);
        assertEquals("activating\n", sim.exec("systemctl is-active kubelet").out());
        assertTrue(sim.run("journalctl -u kubelet --no-pager").contains("failed to load kubelet config file"));
        assertFalse(sim.run("ss -ltnH").contains(":10248"));
        assertEquals(7, sim.exec("curl -s --retry 2 --retry-delay 0.05 --retry-connrefused http://127.0.0.1:10248/healthz").status(),
                "refused on every try");
        sim.run("mkdir -p /var/lib/kubelet && printf 'apiVersion: kubelet.config.k8s.io/v1beta1\\nkind: KubeletConfiguration\\n'"
                + " > /var/lib/kubelet/config.yaml");
        SshTestClient.Result waited = sim.exec("curl -s --retry 100 --retry-delay 0.1 --retry-connrefused http://127.0.0.1:10248/healthz");
        assertEquals(0, waited.status(), "one curl that retries waits for the kubelet to come up: " + waited.err());
        assertEquals("ok", waited.out());
        SimFixture.await("the kubelet answers its health check", () -> {
            try {
                return sim.exec("curl -s http://127.0.0.1:10248/healthz").out().equals("ok");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals("active\n", sim.run("systemctl is-active kubelet"));
    }
}
