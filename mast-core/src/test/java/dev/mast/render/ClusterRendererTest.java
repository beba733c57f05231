package dev.mast.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.files.NodeFile;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every node's files from a plan and the PKI folder, and those files written out to a folder. */
class ClusterRendererTest {
    @TempDir
    static Path dir;
    private static Plan plan;
    private static RenderedCluster rendered;

    @BeforeAll
    static void render() throws Exception {
        try (var reader = new InputStreamReader(Objects.requireNonNull(ClusterRendererTest.class.getResourceAsStream(
                "/plans/three-masters.yaml")), StandardCharsets.UTF_8)) {
            plan = PlanFile.read("three-masters.yaml", reader).plan();
        }
        rendered = ClusterRenderer.render(plan, dir.resolve("pki"));
    }

    private static List<String> paths(String node) {
        return rendered.filesFor(node).stream().map(NodeFile::path).toList();
    }

    @Test
    void aMasterGetsTheControlPlaneAWorkerOnlyWhatItRuns() {
        String master = plan.masters().get(0).hostName();
        String worker = plan.nodes().stream().filter(n -> n.staticPods().size() == 1).findFirst().orElseThrow().hostName();

        assertTrue(paths(master).containsAll(List.of("/etc/kubernetes/manifests/kube-apiserver.yaml",
                "/etc/kubernetes/manifests/kube-controller-manager.yaml", "/etc/kubernetes/manifests/kube-scheduler.yaml",
                "/etc/kubernetes/manifests/kube-proxy.yaml", "/etc/kubernetes/pki/apiserver.crt", "/etc/kubernetes/pki/apiserver.key")),
                paths(master).toString());
        assertTrue(paths(worker).contains("/etc/kubernetes/manifests/kube-proxy.yaml"), paths(worker).toString());
        assertFalse(paths(worker).contains("/etc/kubernetes/manifests/kube-apiserver.yaml"), paths(worker).toString());
        assertFalse(paths(worker).contains("/etc/kubernetes/pki/apiserver.key"), paths(worker).toString());
        assertEquals(plan.nodes().size(), rendered.filesByNode().size());
    }

    @Test
    void eachNodesFilesAreSortedByPathOnceEachAndKeysAreSecret() {
        for (var node : plan.nodes()) {
            List<String> paths = paths(node.hostName());
            assertEquals(paths.stream().sorted(Comparator.naturalOrder()).distinct().toList(), paths, node.hostName());
            for (NodeFile file : rendered.filesFor(node.hostName())) {
                if (file.path().endsWith(".key")) {
                    assertTrue(file.secret(), file.path() + " on " + node.hostName());
                    assertEquals(NodeFile.PRIVATE, file.mode(), file.path());
                }
            }
        }
        assertFalse(rendered.toString().contains("BEGIN"), "no key in " + rendered);
    }

    @Test
    void theSamePlanAndFolderRenderTheSameBytes() {
        RenderedCluster again = ClusterRenderer.render(plan, dir.resolve("pki"));

        assertEquals(rendered.filesByNode().keySet(), again.filesByNode().keySet());
        for (String node : rendered.filesByNode().keySet()) {
            List<NodeFile> first = rendered.filesFor(node);
            List<NodeFile> second = again.filesFor(node);
            assertEquals(first.size(), second.size(), node);
            for (int i = 0; i < first.size(); i++) {
                assertEquals(first.get(i).path(), second.get(i).path());
                assertArrayEquals(first.get(i).content(), second.get(i).content(), first.get(i).path() + " on " + node);
            }
        }
        assertEquals(rendered.adminKubeconfig(), again.adminKubeconfig());
    }

    @ParameterizedTest(name = "{0} keeps its PKI in {1}")
    @CsvSource({"cluster.yaml, cluster-pki", "prod.yml, prod-pki", "plan, plan-pki", "a.b.yaml, a.b-pki"})
    void thePkiFolderIsBesideThePlanFile(String planFile, String pkiFolder) {
        assertEquals(dir.resolve(pkiFolder), ClusterRenderer.defaultPkiDir(dir.resolve(planFile)));
    }

    @Test
    void writingMirrorsEachNodesPathsWithTheirModesAndRefusesAFolderInUse() throws Exception {
        Path out = dir.resolve("out");
        int written = RenderedFolder.write(rendered, out, false);

        assertEquals(rendered.fileCount(), written);
        String master = plan.masters().get(0).hostName();
        Path apiServer = out.resolve(master).resolve("etc/kubernetes/manifests/kube-apiserver.yaml");
        NodeFile expected = rendered.filesFor(master, "/etc/kubernetes/manifests/kube-apiserver.yaml").get(0);
        assertArrayEquals(expected.content(), Files.readAllBytes(apiServer));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(apiServer)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                out.resolve(master).resolve("etc/kubernetes/pki/apiserver.key"))));

        Files.writeString(apiServer, "changed by hand");
        assertThrows(FileAlreadyExistsException.class, () -> RenderedFolder.write(rendered, out, false));
        assertEquals("changed by hand", Files.readString(apiServer), "a refused write writes nothing");
        assertEquals(written, RenderedFolder.write(rendered, out, true));
        assertArrayEquals(expected.content(), Files.readAllBytes(apiServer));
    }
}
