package dev.mast.manifest;

import dev.mast.pki.PkiPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.Plan;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Files named by extra and carried-over flags are visible inside the pod. */
class FlagPathMountsTest {
    private static final Plan PLAN = TestPlans.threeMasters().withExtraFlags(Map.of());

    private static Pod schedulerWith(Map<String, String> carried) {
        var manifests = StaticPodManifests.forNode(PLAN, TestPlans.named(PLAN, "master1"), Map.of(Component.KUBE_SCHEDULER, carried));
        return manifests.stream().filter(m -> m.component() == Component.KUBE_SCHEDULER).findFirst().orElseThrow().pod();
    }

    private static Map<String, Boolean> mountsReadOnly(Pod pod) {
        return pod.getSpec().getContainers().get(0).getVolumeMounts().stream()
                .collect(Collectors.toMap(VolumeMount::getMountPath, VolumeMount::getReadOnly));
    }

    @Test
    void aCarriedConfigFileOutsideThePkiFolderIsMountedReadOnly() {
        Pod pod = schedulerWith(Map.of("config", "/etc/kubernetes/scheduler/config.yaml"));
        assertEquals(true, mountsReadOnly(pod).get("/etc/kubernetes/scheduler"));
        var volume = pod.getSpec().getVolumes().stream().filter(v -> v.getHostPath().getPath().equals("/etc/kubernetes/scheduler"))
                .findFirst().orElseThrow();
        assertEquals("DirectoryOrCreate", volume.getHostPath().getType());
        assertEquals("flag-etc-kubernetes-scheduler", volume.getName());
    }

    @Test
    void aLogFileFolderIsMountedWritable() {
        assertEquals(false, mountsReadOnly(schedulerWith(Map.of("log-file", "/var/log/kube/scheduler.log"))).get("/var/log/kube"));
    }

    @Test
    void aFolderDirectlyUnderASystemFolderIsMountedItself() {
        assertEquals(false, mountsReadOnly(schedulerWith(Map.of("log-dir", "/var/log/scheduler"))).get("/var/log/scheduler"));
    }

    @Test
    void aFileDirectlyInEtcIsMountedAloneReadOnlyRatherThanAllOfEtc() {
        Pod pod = schedulerWith(Map.of("config", "/etc/scheduler.yaml"));
        assertEquals(true, mountsReadOnly(pod).get("/etc/scheduler.yaml"));
        assertTrue(!mountsReadOnly(pod).containsKey("/etc"));
        var volume = pod.getSpec().getVolumes().stream().filter(v -> v.getHostPath().getPath().equals("/etc/scheduler.yaml"))
                .findFirst().orElseThrow();
        assertEquals("FileOrCreate", volume.getHostPath().getType());
    }

    @Test
    void theHardWaysAuditLogDirectlyInVarLogIsMountedAloneAndWritableAsTheAuditingGuideDoes() {
        var placement = FlagPathMounts.placement("kube-apiserver", "audit-log-path", "/var/log/audit.log", false);
        assertEquals(new FlagPathMounts.Placement("/var/log/audit.log", true, false), placement);
    }

    @Test
    void aSystemFolderItselfIsRefused() {
        var e = assertThrows(ManifestException.class, () -> schedulerWith(Map.of("cert-dir", "/etc")));
        assertTrue(e.getMessage().contains("kube-scheduler: --cert-dir names /etc, a system folder"), e.getMessage());
    }

    @Test
    void aPathTheNodeSaysIsAFolderIsMountedItselfEvenWithADotInItsName() {
        assertEquals(new FlagPathMounts.Placement("/srv/certs.d", false, false),
                FlagPathMounts.placement("kube-apiserver", "cert-dir", "/srv/certs.d", true));
    }

    @Test
    void pathsInsideAnExistingMountAddNothing() {
        Pod plain = schedulerWith(Map.of());
        Pod withKubeconfig = schedulerWith(Map.of("authentication-kubeconfig", PkiPaths.SCHEDULER_CONF));
        assertEquals(plain.getSpec().getVolumes(), withKubeconfig.getSpec().getVolumes());
    }

    @Test
    void filesInOneFolderAndItsSubfoldersShareOneMount() {
        Pod pod = schedulerWith(Map.of("config", "/srv/kube/config.yaml", "tls-cert-file", "/srv/kube/tls/cert.pem",
                "tls-private-key-file", "/srv/kube/tls/key.pem"));
        var added = mountsReadOnly(pod).keySet().stream().filter(p -> p.startsWith("/srv")).toList();
        assertEquals(List.of("/srv/kube"), added);
    }
}
