package dev.mast.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mast.plan.KubernetesVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackageIndexTest {
    private static final KubernetesVersion V128 = KubernetesVersion.parse("1.28.4").orElseThrow();

    @Test
    void readsTheVersionsOfADebRepositoryForTheNodesArchitecture() {
        List<String> lines = List.of("Package: kubelet", "Version: 1.28.3-1.1", "Architecture: amd64",
                "Package: kubelet", "Version: 1.28.4-1.1", "Architecture: amd64",
                "Package: kubelet", "Version: 1.28.4-1.1", "Architecture: arm64",
                "Package: kubelet", "Architecture: amd64", "Version: 1.28.4-2.1",
                "Package: kubectl", "Version: 1.28.10-1.1", "Architecture: amd64",
                "Package: kubectl", "Version: 1.28.9-1.1", "Architecture: amd64",
                "Package: kubernetes-cni", "Version: 1.2.0-2.1", "Architecture: arm64");
        PackageIndex index = PackageIndex.fromDebFields(lines, Arch.AMD64);
        assertEquals(Optional.of("1.28.4-2.1"), index.exact("kubelet", V128), "the latest build of the exact release");
        assertEquals(List.of("1.28.3", "1.28.4"), index.upstreamVersions("kubelet"));
        assertEquals(List.of("1.28.9", "1.28.10"), index.upstreamVersions("kubectl"), "numbers compare as numbers");
        assertEquals(Optional.empty(), index.exact("kubectl", V128));
        assertFalse(index.has("kubernetes-cni"), "only the node's architecture counts");
    }

    @Test
    void readsTheVersionsOfAnRpmRepositoryFromItsPrimaryList() {
        String repomd = """
                <repomd xmlns="http://linux.duke.edu/metadata/repo">
                  <data type="filelists"><location href="repodata/aa-filelists.xml.gz"/></data>
                  <data type="primary">
                    <checksum type="sha256">bb</checksum>
                    <location href="repodata/bb-primary.xml.gz"/>
                  </data>
                </repomd>
                """;
        assertEquals(Optional.of("repodata/bb-primary.xml.gz"), PackageIndex.primaryLocation(repomd));
        List<String> lines = List.of("<name>kubelet</name>", "<arch>x86_64</arch>",
                "<version epoch=\"0\" ver=\"1.28.4\" rel=\"150500.1.1\"/>",
                "<name>kubelet</name>", "<arch>aarch64</arch>", "<version epoch=\"0\" ver=\"1.28.3\" rel=\"150500.1.1\"/>");
        PackageIndex index = PackageIndex.fromRpmPrimary(lines, Arch.AMD64);
        assertEquals(Optional.of("1.28.4-150500.1.1"), index.exact("kubelet", V128));
        assertEquals(List.of("1.28.4"), index.upstreamVersions("kubelet"));
    }
}
