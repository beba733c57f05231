package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.KubernetesVersion;
import dev.mast.sim.LegacyLayout;
import dev.mast.sim.OldCredentials;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each real-world layout converted to static pods on the simulator, asserted by the state the
 * nodes and the API are left in: the components run as static pods with the cluster's own CA,
 * keys, issuer, etcd and encryption config (the simulator's components check each other, so a
 * foreign CA would leave them unhealthy), the old admin kubeconfig and token still work, the
 * Secret stored before reads back, packages and unit files go only as their ownership says, and
 * etcd is untouched.
 */
class ConversionOnSimulatorTest {
    @TempDir
    Path dir;

    private static String text(SimulatedRun sim, String node, String command) throws Exception {
        return String.join("\n", sim.sh(node, command).stdout());
    }

    /** The manifest's volumes, host path to type, as the kubelet reads them. */
    private static java.util.Map<String, String> volumes(SimulatedRun sim, String node, String component) throws Exception {
        Pod pod = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(text(sim, node,
                "cat /etc/kubernetes/manifests/" + component + ".yaml"), Pod.class);
        java.util.Map<String, String> volumes = new java.util.TreeMap<>();
        pod.getSpec().getVolumes().forEach(v -> volumes.put(v.getHostPath().getPath(), v.getHostPath().getType()));
        return volumes;
    }

    private static void assertReady(SimulatedRun sim, String... pods) {
        for (String name : pods) {
            Pod pod = sim.cluster.client().pods().inNamespace("kube-system").withName(name).get();
            assertTrue(pod != null && SimulatedRun.isReady(pod), name + " is Ready");
        }
    }

    @Test
    void kubernetesTheHardWayKeepsItsIdentityAndItsControllerGetsAKubeletFirst() throws Exception {
        try (SimulatedRun sim = SimulatedRun.legacy(dir, 3, 1, LegacyLayout.HARD_WAY, "1.32.11")) {
            String etcdBefore = text(sim, "node001", "sha256sum /etc/systemd/system/etcd.service");
            RunSummary summary = sim.upgrade();
            assertTrue(summary.succeeded(), summary.describe() + "\n" + sim.log("node001"));

            assertEquals("active\nenabled", text(sim, "node001", "systemctl is-active kubelet; systemctl is-enabled kubelet"));
            assertEquals(0, sim.sh("node001", "systemctl is-active containerd").exitStatus());
            String apiserver = text(sim, "node001", "cat /etc/kubernetes/manifests/kube-apiserver.yaml");
            for (String flag : List.of("--client-ca-file=/var/lib/kubernetes/ca.crt", "--etcd-servers=http://127.0.0.1:2379",
                    "--service-account-issuer=https://server.kubernetes.local:6443",
                    "--encryption-provider-config=/var/lib/kubernetes/encryption-config.yaml", "--runtime-config=api/all=true",
                    "--service-account-key-file=/var/lib/kubernetes/service-accounts.crt", "registry.k8s.io/kube-apiserver:v1.32.11")) {
                assertTrue(apiserver.contains(flag), flag + " in\n" + apiserver);
            }
            assertEquals("FileOrCreate", volumes(sim, "node001", "kube-apiserver").get("/var/log/audit.log"), "the audit log mounted alone");
            assertEquals("DirectoryOrCreate", volumes(sim, "node001", "kube-apiserver").get("/var/lib/kubernetes"));
            assertNotEquals(0, sim.sh("node001", "test -e /etc/kubernetes/pki/apiserver.crt").exitStatus(), "no PKI of Mast's");
            assertEquals(text(sim, "node001", "sha256sum < /var/lib/kubernetes/ca.crt"), text(sim, "node001",
                    "sha256sum < /etc/kubernetes/pki/ca.crt"), "the new kubelet trusts the cluster's CA, byte for byte");
            assertEquals(Files.readString(sim.pkiDir.resolve("ca.crt")), text(sim, "node001", "cat /var/lib/kubernetes/ca.crt") + "\n");
            for (String unit : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler")) {
                assertNotEquals(0, sim.sh("node001", "test -e /etc/systemd/system/" + unit + ".service").exitStatus(), unit);
                assertEquals(0, sim.sh("node001", "test -x /usr/local/bin/" + unit).exitStatus(), "a binary of no package stays");
            }
            assertEquals(etcdBefore, text(sim, "node001", "sha256sum /etc/systemd/system/etcd.service"));
            assertEquals(0, sim.sh("node001", "systemctl is-active etcd").exitStatus(), "etcd untouched");

            assertTrue(text(sim, "node002", "cat /var/lib/kubelet/kubelet-config.yaml").contains("staticPodPath: /etc/kubernetes/manifests"));
            assertNotEquals(0, sim.sh("node002", "test -e /etc/systemd/system/kube-proxy.service").exitStatus());
            assertTrue(text(sim, "node002", "cat /etc/kubernetes/manifests/kube-proxy.yaml")
                    .contains("--config=/var/lib/kube-proxy/kube-proxy-config.yaml"));
            assertReady(sim, "kube-apiserver-node001", "kube-controller-manager-node001", "kube-scheduler-node001", "kube-proxy-node001",
                    "kube-proxy-node002", "kube-proxy-node003");
            OldCredentials.assertStillWork(sim.cluster);
        }
    }

    @Test
    void kismaticKeepsItsPemFilesAndLosesOnlyThePackageWhoseEveryComponentWasConverted() throws Exception {
        try (SimulatedRun sim = SimulatedRun.legacy(dir, 2, 1, LegacyLayout.KISMATIC, KubernetesVersion.DEFAULT.toString())) {
            RunSummary summary = sim.upgrade();
            assertTrue(summary.succeeded(), summary.describe() + "\n" + sim.log("node001"));
            assertFalse(Files.exists(sim.pkiDir.resolve("ca.crt")), "the CA key is on no master: Mast makes no CA and issues nothing");

            assertNotEquals(0, sim.sh("node001", "dpkg -s kismatic-kubernetes-master").exitStatus(), "all three converted: purged");
            assertEquals(0, sim.sh("node001", "dpkg -s kismatic-kubernetes-node").exitStatus(), "it holds the kubelet: stays");
            assertEquals(0, sim.sh("node002", "dpkg -s kismatic-kubernetes-node").exitStatus());
            assertNotEquals(0, sim.sh("node002", "test -e /etc/systemd/system/kube-proxy.service").exitStatus(), "unowned unit gone");
            assertEquals(0, sim.sh("node001", "systemctl is-active kubelet").exitStatus());
            String manager = text(sim, "node001", "cat /etc/kubernetes/manifests/kube-controller-manager.yaml");
            assertTrue(manager.contains("--kubeconfig=/etc/kubernetes/controller-manager.conf"), manager);
            assertTrue(volumes(sim, "node001", "kube-controller-manager").containsKey("/etc/kubernetes"),
                    "the kubeconfig and the .pem files it names are mounted");
            String apiserver = text(sim, "node001", "cat /etc/kubernetes/manifests/kube-apiserver.yaml");
            assertTrue(apiserver.contains("--etcd-certfile=/etc/kubernetes/pki/etcd-client.pem"), apiserver);
            assertTrue(apiserver.contains("--anonymous-auth=false") && apiserver.contains("tcpSocket:") && !apiserver.contains("httpGet:"),
                    "the kubelet's probes carry no credentials: on the port alone, or it would restart the API server\n" + apiserver);
            assertReady(sim, "kube-apiserver-node001", "kube-controller-manager-node001", "kube-scheduler-node001", "kube-proxy-node002");
            OldCredentials.assertStillWork(sim.cluster);
        }
    }

    @Test
    void aDistributionsPackagedUnitsGoWithTheirPackagesAndTheirDropInAndEnvironmentAreRead() throws Exception {
        try (SimulatedRun sim = SimulatedRun.legacy(dir, 2, 1, LegacyLayout.KUBEADM, KubernetesVersion.DEFAULT.toString())) {
            RunSummary summary = sim.upgrade();
            assertTrue(summary.succeeded(), summary.describe() + "\n" + sim.log("node001"));
            String apiserver = text(sim, "node001", "cat /etc/kubernetes/manifests/kube-apiserver.yaml");
            for (String flag : List.of("--audit-log-path=/var/log/kubernetes/audit.log", "--audit-log-maxage=30", "--v=2",
                    "--audit-policy-file=/etc/kubernetes/audit-policy.yaml", "--service-account-key-file=/etc/kubernetes/pki/sa.pub")) {
                assertTrue(apiserver.contains(flag), flag + " in\n" + apiserver);
            }
            for (String pkg : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy")) {
                assertNotEquals(0, sim.sh("node001", "dpkg -s " + pkg).exitStatus(), pkg + " purged");
            }
            assertEquals(0, sim.sh("node001", "dpkg -s kubelet").exitStatus());
            assertNotEquals(0, sim.sh("node001", "test -e /etc/systemd/system/kube-apiserver.service.d/10-audit.conf").exitStatus());
            assertReady(sim, "kube-apiserver-node001", "kube-proxy-node002");
            OldCredentials.assertStillWork(sim.cluster);
        }
    }
}
