package dev.mast.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Sources;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseFilesTest {
    private static final KubernetesVersion V134 = KubernetesVersion.parse("1.34.3").orElseThrow();

    @Test
    void theKubernetesProgramsComeFromDlK8sIoWithTheirSha256Beside() {
        ReleaseFile kubelet = new ReleaseFiles(Sources.DEFAULT, V134, Arch.AMD64).kubernetes("kubelet");
        assertEquals("https://dl.k8s.io/release/v1.34.3/bin/linux/amd64/kubelet", kubelet.url());
        assertEquals("https://dl.k8s.io/release/v1.34.3/bin/linux/amd64/kubelet.sha256", kubelet.checksumUrl());
        assertEquals("https://dl.k8s.io/release/v1.34.3/bin/linux/arm64/kubectl",
                new ReleaseFiles(Sources.DEFAULT, V134, Arch.ARM64).kubernetes("kubectl").url());
    }

    @Test
    void crictlTheCniPluginsAndEtcdComeFromTheirGithubReleases() {
        ReleaseFiles files = new ReleaseFiles(Sources.DEFAULT, V134, Arch.ARM64);
        assertEquals("https://github.com/kubernetes-sigs/cri-tools/releases/download/v1.34.0/crictl-v1.34.0-linux-arm64.tar.gz",
                files.crictl().url());
        assertEquals(files.crictl().url() + ".sha256", files.crictl().checksumUrl());
        assertEquals("https://github.com/containernetworking/plugins/releases/download/v1.7.1/cni-plugins-linux-arm64-v1.7.1.tgz",
                files.cniPlugins().url());
        ReleaseFile etcd = files.etcd();
        assertEquals("etcd-v3.6.5-linux-arm64.tar.gz", etcd.name());
        assertEquals("https://github.com/etcd-io/etcd/releases/download/v3.6.5/etcd-v3.6.5-linux-arm64.tar.gz", etcd.url());
        assertEquals("https://github.com/etcd-io/etcd/releases/download/v3.6.5/SHA256SUMS", etcd.checksumUrl());
    }

    @Test
    void aMirrorKeepsTheUpstreamLayoutUnderItsOwnUrl() {
        Sources mirror = Sources.DEFAULT.withBinaries("http://10.0.0.5/release/").withGithubReleases("http://10.0.0.5/github");
        ReleaseFiles files = new ReleaseFiles(mirror, KubernetesVersion.parse("1.33").orElseThrow(), Arch.AMD64);
        assertEquals("http://10.0.0.5/release/v1.33.7/bin/linux/amd64/kubelet", files.kubernetes("kubelet").url());
        assertEquals("http://10.0.0.5/github/etcd-io/etcd/releases/download/v3.5.24/etcd-v3.5.24-linux-amd64.tar.gz",
                files.etcd().url());
    }

    @Test
    void theArchitectureComesFromUnameM() {
        assertEquals(Optional.of(Arch.AMD64), Arch.fromMachine("x86_64\n"));
        assertEquals(Optional.of(Arch.ARM64), Arch.fromMachine("aarch64"));
        assertEquals(Optional.empty(), Arch.fromMachine("s390x"));
    }
}
