package dev.mast.workflow.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mast.files.NodeFile;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Node;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import dev.mast.workflow.ProgressEvent.LogLevel;
import dev.mast.workflow.RecordingRemote;
import dev.mast.workflow.Remote;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The preview asks no node: every question gets no output and a failing status. The tasks read that as a node that
 * has nothing yet, so the preview shows what a run does on a fresh machine rather than skipping it.
 */
class FreshNodeAnswersTest {
    private final List<String> planned = new ArrayList<>();
    private final Remote fresh;

    FreshNodeAnswersTest() throws Exception {
        Node node = new Node("node001", "10.0.0.1", "10.0.0.1", Set.of(Role.MASTER), SshSettings.DEFAULT);
        fresh = RecordingRemote.factory(Optional.empty()).open(node, (level, text) -> {
            if (level == LogLevel.PLANNED) {
                planned.add(text);
            }
        });
    }

    @Test
    void everyPackageIsMissingAndIsInstalledWithAptGet() throws Exception {
        assertEquals(List.of("kubelet", "containerd"), Packages.missing(fresh, List.of("kubelet", "containerd")));
        Packages.ensureInstalled(fresh, List.of("kubelet", "containerd"));
        assertEquals(List.of("run apt-get install -y 'kubelet' 'containerd'"), planned);
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void everyImageIsMissing(ContainerRuntime runtime) throws Exception {
        List<String> images = List.of("registry.k8s.io/pause:3.10.1", "registry.k8s.io/kube-proxy:v1.34.3");
        assertEquals(images, Images.missing(fresh, runtime, images));
    }

    @Test
    void noUnitIsActiveAndNoFileIsThere() throws Exception {
        assertFalse(Systemd.areActive(fresh, List.of("containerd")));
        assertFalse(Systemd.isActive(fresh, "kubelet"));
        assertFalse(RemoteFiles.allPresent(fresh, List.of(NodeFile.text("/etc/x.conf", "x", NodeFile.PUBLIC))));
        assertEquals(List.of(), planned, "asking records nothing");
    }
}
