package dev.mast.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Sources;
import org.junit.jupiter.api.Test;

class PackageRepositoryTest {
    private static final KubernetesVersion V134 = KubernetesVersion.parse("1.34.3").orElseThrow();
    private final PackageRepository upstream = new PackageRepository(Sources.DEFAULT, V134);

    @Test
    void aptNodesGetKubeadmsSourceWithTheKeyInEtcAptKeyrings() {
        assertEquals("https://pkgs.k8s.io/core:/stable:/v1.34/deb/", upstream.debUrl());
        assertEquals("https://pkgs.k8s.io/core:/stable:/v1.34/deb/Release.key", upstream.debKeyUrl());
        assertEquals("/etc/apt/sources.list.d/kubernetes.list", upstream.aptSource(false).path());
        assertEquals("""
                # Kubernetes 1.34 packages, set up by Mast
                deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.asc] https://pkgs.k8s.io/core:/stable:/v1.34/deb/ /
                """, upstream.aptSource(false).text());
    }

    @Test
    void nodesWhoseSourcesAreDeb822GetADeb822Source() {
        assertEquals("/etc/apt/sources.list.d/kubernetes.sources", upstream.aptSource(true).path());
        assertEquals("""
                # Kubernetes 1.34 packages, set up by Mast
                Types: deb
                URIs: https://pkgs.k8s.io/core:/stable:/v1.34/deb/
                Suites: /
                Signed-By: /etc/apt/keyrings/kubernetes-apt-keyring.asc
                """, upstream.aptSource(true).text());
        assertEquals(PackageRepository.APT_LIST, PackageRepository.otherAptSource(true));
    }

    @Test
    void rpmNodesGetARepoFileWithGpgcheckThatExcludesTheKubernetesPackagesFromUpdates() {
        assertEquals("""
                # Kubernetes 1.34 packages, set up by Mast
                [kubernetes]
                name=Kubernetes 1.34
                baseurl=https://pkgs.k8s.io/core:/stable:/v1.34/rpm/
                enabled=1
                gpgcheck=1
                gpgkey=https://pkgs.k8s.io/core:/stable:/v1.34/rpm/repodata/repomd.xml.key
                exclude=kubelet kubectl cri-tools kubernetes-cni
                """, upstream.yumRepo().text());
    }

    @Test
    void aMirrorAndItsKeyReplaceUpstreamsForBothFormats() {
        var mirror = new PackageRepository(Sources.DEFAULT.withPackageRepository("http://10.0.0.5:8080/core:/stable:/v1.34/")
                .withPackageKey("http://10.0.0.5:8080/key.asc"), V134);
        assertEquals("http://10.0.0.5:8080/core:/stable:/v1.34/deb/", mirror.debUrl());
        assertEquals("http://10.0.0.5:8080/core:/stable:/v1.34/rpm/", mirror.rpmUrl());
        assertEquals("http://10.0.0.5:8080/key.asc", mirror.debKeyUrl());
        assertEquals("http://10.0.0.5:8080/key.asc", mirror.rpmKeyUrl());
    }
}
