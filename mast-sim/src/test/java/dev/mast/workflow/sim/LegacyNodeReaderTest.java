package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Node;
import dev.mast.sim.LegacyLayout;
import dev.mast.workflow.Remote;
import dev.mast.workflow.legacy.LegacyNode;
import dev.mast.workflow.legacy.LegacyNodeReader;
import dev.mast.workflow.legacy.LegacyService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each layout's nodes read as systemd runs them, over SSH, with the code the upgrade uses. */
class LegacyNodeReaderTest {
    @TempDir
    Path dir;

    private static LegacyNode read(SimulatedRun sim, String host) throws Exception {
        Node node = sim.plan.nodes().stream().filter(n -> n.hostName().equals(host)).findFirst().orElseThrow();
        try (Remote remote = sim.remote(node)) {
            return LegacyNodeReader.read(remote, host);
        }
    }

    @Test
    void aHardWayControllerRunsTheControlPlaneFromNoPackageAndNoKubelet() throws Exception {
        try (SimulatedRun sim = SimulatedRun.legacy(dir, 2, 1, LegacyLayout.HARD_WAY, "1.32.11")) {
            LegacyNode controller = read(sim, "node001");
            assertEquals(List.of(Component.KUBE_APISERVER, Component.KUBE_CONTROLLER_MANAGER, Component.KUBE_SCHEDULER),
                    controller.staticPodServices());
            assertFalse(controller.hasKubelet());
            LegacyService apiserver = controller.service(Component.KUBE_APISERVER).orElseThrow();
            assertEquals("/usr/local/bin/kube-apiserver", apiserver.program());
            assertEquals(KubernetesVersion.parse("1.32.11"), apiserver.version());
            assertEquals(Optional.of("api/all=true"), apiserver.flags().value("runtime-config"));
            assertTrue(apiserver.active());
            assertEquals(Optional.empty(), controller.owner("/usr/local/bin/kube-apiserver"));
            assertEquals(Optional.empty(), controller.owner("/etc/systemd/system/kube-apiserver.service"));
            assertEquals(LegacyNode.PathKind.FILE, controller.paths().get("/var/lib/kubernetes/encryption-config.yaml"));
            assertEquals(LegacyNode.PathKind.MISSING, controller.paths().get("/var/log/audit.log"));
            assertEquals(List.of("/var/lib/kubernetes/kube-scheduler.kubeconfig"), controller.namedPaths().get(Component.KUBE_SCHEDULER));

            LegacyNode worker = read(sim, "node002");
            assertEquals("", worker.staticPodPath(), "the Hard Way's kubelet reads no static pods");
            assertEquals(Optional.of("/var/lib/kubelet/kubelet-config.yaml"), worker.kubeletConfig());
            assertEquals(List.of("/var/lib/kube-proxy/kubeconfig"), worker.namedPaths().get(Component.KUBE_PROXY));
        }
    }

    @Test
    void kismaticsUnitsExpandTheirEnvironmentAndItsPackagesOwnThePrograms() throws Exception {
        try (SimulatedRun sim = SimulatedRun.legacy(dir, 2, 1, LegacyLayout.KISMATIC, KubernetesVersion.DEFAULT.toString())) {
            LegacyNode master = read(sim, "node001");
            LegacyService apiserver = master.service(Component.KUBE_APISERVER).orElseThrow();
            assertEquals(Optional.of("/etc/kubernetes/pki/ca.pem"), apiserver.flags().value("client-ca-file"));
            assertEquals(Optional.of("kismatic-kubernetes-master"), master.owner("/usr/bin/kube-apiserver"));
            assertEquals(Optional.of("kismatic-kubernetes-node"), master.owner("/usr/bin/kube-proxy"));
            assertEquals(Optional.empty(), master.owner("/etc/systemd/system/kube-apiserver.service"));
            assertEquals("/etc/kubernetes/manifests", master.staticPodPath(), "from --pod-manifest-path=${POD_MANIFEST_PATH}");
            assertTrue(master.namedPaths().get(Component.KUBE_CONTROLLER_MANAGER).contains("/etc/kubernetes/pki/controller-manager.pem"));
        }
    }

    @Test
    void aDistributionUnitReadsItsEnvironmentFilesAndItsDropInReplacesTheCommand() throws Exception {
        try (SimulatedRun sim = SimulatedRun.legacy(dir, 1, 1, LegacyLayout.KUBEADM, KubernetesVersion.DEFAULT.toString())) {
            LegacyNode master = read(sim, "node001");
            LegacyService apiserver = master.service(Component.KUBE_APISERVER).orElseThrow();
            assertEquals(List.of("/etc/kubernetes/config", "/etc/kubernetes/apiserver"), apiserver.environmentFiles());
            assertEquals(List.of("/lib/systemd/system/kube-apiserver.service", "/etc/systemd/system/kube-apiserver.service.d/10-audit.conf",
                    "/etc/kubernetes/config", "/etc/kubernetes/apiserver"), apiserver.files());
            assertEquals(Optional.of("/var/log/kubernetes/audit.log"), apiserver.flags().value("audit-log-path"));
            assertEquals(Optional.of("/etc/kubernetes/pki/ca.crt"), apiserver.flags().value("client-ca-file"));
            assertEquals(Optional.of("2"), apiserver.flags().value("v"));
            assertEquals(Optional.of("kube-apiserver"), master.owner("/lib/systemd/system/kube-apiserver.service"));
            assertEquals("/etc/kubernetes/manifests", master.staticPodPath());
        }
    }
}
