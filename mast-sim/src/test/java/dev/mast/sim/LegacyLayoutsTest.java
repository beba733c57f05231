package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way an old cluster was set up comes up healthy in the simulator, with what makes it that
 * cluster: its old admin kubeconfig and the token it issued are accepted at the API endpoint,
 * and the Secret it stored reads back.
 */
class LegacyLayoutsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(LegacyLayout.class)
    void everyLayoutComesUpHealthyAndItsOldCredentialsWork(LegacyLayout layout) throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(3).masters(1).provisioning(Provisioning.LEGACY_SYSTEMD).layout(layout))) {
            // Kismatic's API server refuses anonymous requests, its health endpoints included, as the real one does.
            assertEquals(layout == LegacyLayout.KISMATIC ? "401" : "200",
                    sim.run("curl -sk -o /dev/null -w '%{http_code}' https://127.0.0.1:6443/livez"));
            assertEquals("ok", sim.run("curl -fsk https://127.0.0.1:10257/healthz"));
            assertEquals("ok", sim.run("curl -fsk https://127.0.0.1:10259/healthz"));
            assertEquals("ok", sim.run("node002", "curl -fs http://127.0.0.1:10256/healthz"));
            assertEquals("ok", sim.run("node002", "curl -fs http://127.0.0.1:10248/healthz"));
            OldCredentials.assertStillWork(sim.cluster);
        }
    }

    @ParameterizedTest
    @EnumSource(value = LegacyLayout.class, names = "HARD_WAY")
    void theHardWaysControllerHasNoKubeletNoRuntimeAndNoPackages(LegacyLayout layout) throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(2).masters(1).provisioning(Provisioning.LEGACY_SYSTEMD).layout(layout))) {
            assertEquals("active\nactive\nactive\nactive\n",
                    sim.run("systemctl is-active etcd kube-apiserver kube-controller-manager kube-scheduler"));
            assertNotEquals(0, sim.exec("systemctl cat kubelet").status());
            assertNotEquals(0, sim.exec("command -v containerd").status());
            assertEquals(1, sim.exec("dpkg -S /usr/local/bin/kube-apiserver").status(), "installed by hand, owned by no package");
            assertTrue(sim.run("systemctl cat kube-apiserver").contains("--runtime-config='api/all=true'"));
            assertTrue(sim.run("curl -fs http://127.0.0.1:2379/health").contains("\"health\":\"true\""), "etcd over plain HTTP");
        }
    }

    @ParameterizedTest
    @EnumSource(value = LegacyLayout.class, names = "KISMATIC")
    void kismaticsPackagesOwnSeveralComponentsAndItsUnitsUseEnvironmentValues(LegacyLayout layout) throws Exception {
        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(2).masters(1).provisioning(Provisioning.LEGACY_SYSTEMD).layout(layout))) {
            assertEquals("kismatic-kubernetes-master: /usr/bin/kube-apiserver\nkismatic-kubernetes-master: /usr/bin/kube-scheduler\n"
                    + "kismatic-kubernetes-node: /usr/bin/kube-proxy\n",
                    sim.run("dpkg -S /usr/bin/kube-apiserver /usr/bin/kube-scheduler /usr/bin/kube-proxy"));
            assertEquals(1, sim.exec("dpkg -S /etc/systemd/system/kube-apiserver.service").status(), "Ansible wrote the units");
            String unit = sim.run("systemctl cat kube-apiserver");
            assertTrue(unit.contains("Environment=CA_FILE=/etc/kubernetes/pki/ca.pem") && unit.contains("--client-ca-file=${CA_FILE}"), unit);
            assertTrue(sim.cluster.legacyInstallerFiles().containsKey("generated/keys/ca-key.pem"));
            assertNotEquals(0, sim.exec("grep -rl 'PRIVATE KEY' /etc/kubernetes/pki/ca.pem").status());
        }
    }
}
