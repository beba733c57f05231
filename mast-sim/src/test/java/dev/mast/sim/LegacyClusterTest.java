package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster as it was before the upgrade: the control plane and kube-proxy as systemd services, from packages. */
class LegacyClusterTest {
    @TempDir
    static Path tmp;
    static SimFixture sim;

    @BeforeAll
    static void start() throws Exception {
        sim = SimFixture.start(tmp, b -> b.nodes(4).provisioning(Provisioning.LEGACY_SYSTEMD));
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
    }

    @Test
    void mastersRunTheControlPlaneAndEtcdAsActiveEnabledServices() throws Exception {
        for (String node : new String[] {"node001", "node002", "node003"}) {
            assertEquals("active\n".repeat(6), sim.run(node,
                    "systemctl is-active etcd kubelet kube-apiserver kube-controller-manager kube-scheduler kube-proxy"));
            assertEquals("enabled\n".repeat(4), sim.run(node, "systemctl is-enabled kube-apiserver kube-controller-manager kube-scheduler kube-proxy"));
        }
        assertEquals("active\nactive\n", sim.run("node004", "systemctl is-active kubelet kube-proxy"));
        assertEquals("inactive\n", sim.ssh("node004").exec("systemctl is-active kube-apiserver").out());
    }

    @Test
    void theServicesAnswerTheirHealthChecks() throws Exception {
        assertEquals("ok", sim.run("curl -sk --max-time 5 https://127.0.0.1:6443/healthz"));
        assertEquals("ok", sim.run("curl -sk https://127.0.0.1:6443/livez"));
        assertEquals("ok", sim.run("curl -sk https://127.0.0.1:10257/healthz"));
        assertEquals("ok", sim.run("curl -sk https://127.0.0.1:10259/healthz"));
        assertEquals("ok", sim.run("curl -s http://127.0.0.1:10256/healthz"));
        assertEquals("ok", sim.run("curl -s http://127.0.0.1:10248/healthz"));
        assertEquals("{\"health\":\"true\",\"reason\":\"\"}", sim.run("curl -s http://127.0.0.1:2381/health"));
        assertEquals("ok", sim.run("node004", "curl -sk https://127.0.0.2:6443/readyz"), "another node reaches a master by its address");
        assertEquals(7, sim.ssh("node004").exec("curl -sk https://127.0.0.1:6443/healthz").status());
        assertEquals(60, sim.exec("curl -s https://127.0.0.1:6443/healthz").status(), "TLS needs -k or --cacert");
        String listening = sim.run("ss -ltnH");
        for (String port : new String[] {":6443", ":10257", ":10259", ":10256", ":2379", ":2380", ":10250"}) {
            assertTrue(listening.contains(port), port + " in " + listening);
        }
    }

    @Test
    void unitsCarryRealisticAndCustomFlags() throws Exception {
        String apiserver = sim.run("systemctl cat kube-apiserver");
        assertTrue(apiserver.contains("# /lib/systemd/system/kube-apiserver.service"), apiserver);
        assertTrue(apiserver.contains("# /etc/systemd/system/kube-apiserver.service.d/10-audit.conf"), apiserver);
        assertTrue(apiserver.contains("--audit-log-maxage 30"), apiserver);
        assertTrue(apiserver.contains("EnvironmentFile=-/etc/kubernetes/apiserver"), apiserver);
        assertTrue(sim.run("cat /etc/kubernetes/apiserver").contains(
                "--etcd-servers=https://127.0.0.2:2379,https://127.0.0.3:2379,https://127.0.0.4:2379"));
        assertTrue(sim.run("systemctl show -p ExecStart --value kube-apiserver")
                .contains("$KUBE_API_ARGS --audit-policy-file ${AUDIT_POLICY}"), "the drop-in's command replaces the unit's");
        assertTrue(sim.run("systemctl show -p ExecStart --value kube-controller-manager").contains("--terminated-pod-gc-threshold=100"));
        assertTrue(sim.run("node004", "systemctl cat kube-proxy").contains("--hostname-override=node004"));
        assertTrue(sim.run("dpkg -s kube-apiserver").contains("Version: 1.34.3-00"));
    }

    @Test
    void noImagesArePulledAndTheKubeletRunsNoStaticPods() throws Exception {
        String images = sim.run("crictl images");
        assertEquals(1, images.lines().count(), images);
        assertEquals("", sim.run("crictl ps -a -q"));
        assertEquals("", sim.run("ls /etc/kubernetes/manifests"));
    }

    @Test
    void theApiEndpointPresentsTheOldClustersCertificate() throws Exception {
        String kubeconfig = sim.cluster.legacyAdminKubeconfig().orElseThrow();
        assertTrue(kubeconfig.contains("server: https://" + sim.cluster.controlPlaneEndpoint()));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build()) {
            assertEquals(4, client.nodes().list().getItems().size());
        }
    }
}
