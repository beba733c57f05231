package dev.mast.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.files.NodeFile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodNamesTest {
    private static final String MANIFEST = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec: {}\n";

    @Test
    void theKubeletAppendsTheNodeNameToAStaticPod() {
        NodeFile file = NodeFile.text("/etc/kubernetes/manifests/kube-apiserver.yaml", MANIFEST, NodeFile.PRIVATE);

        assertEquals(Optional.of("kube-apiserver-node001"), PodNames.of(file, "node001"));
        assertEquals("kube-system", PodNames.namespace(file));
    }

    @Test
    void filesOutsideTheManifestsFolderAreNoPods() {
        assertEquals(Optional.empty(), PodNames.of(NodeFile.text("/var/lib/kubelet/config.yaml", MANIFEST, NodeFile.PUBLIC), "node001"));
    }

    @Test
    void aManifestThatIsNotYamlHasNoPodName() {
        NodeFile broken = NodeFile.text("/etc/kubernetes/manifests/x.yaml", "kind: Pod\n  bad: [", NodeFile.PUBLIC);

        assertEquals(Optional.empty(), PodNames.of(broken, "node001"));
    }
}
