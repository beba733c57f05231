package dev.mast.sim.internet;

import dev.mast.sim.machine.BinaryVersion;
import dev.mast.sim.machine.Network.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dl.k8s.io's release tree, {@code /release/v1.34.3/bin/linux/amd64/kubelet}, each file with its
 * {@code .sha256} (the hash alone), and the GitHub releases of cri-tools, the CNI plugins and etcd
 * ({@code /kubernetes-sigs/cri-tools/releases/download/...}), each tarball with its checksum file.
 */
final class DownloadsSite {
    private static final List<String> PROGRAMS = List.of("kubelet", "kubectl", "kubeadm", "kube-proxy", "kube-apiserver",
            "kube-controller-manager", "kube-scheduler");
    private static final Pattern RELEASE = Pattern.compile("/release/v(\\d+\\.\\d+\\.\\d+)/bin/linux/(amd64|arm64)/([a-z-]+)(\\.sha256)?");
    private static final Pattern CRI_TOOLS = Pattern.compile(
            "/kubernetes-sigs/cri-tools/releases/download/v([\\d.]+)/crictl-v([\\d.]+)-linux-(amd64|arm64)\\.tar\\.gz(\\.sha256)?");
    private static final Pattern CNI = Pattern.compile(
            "/containernetworking/plugins/releases/download/v([\\d.]+)/cni-plugins-linux-(amd64|arm64)-v([\\d.]+)\\.tgz(\\.sha256)?");
    private static final Pattern ETCD = Pattern.compile("/etcd-io/etcd/releases/download/v([\\d.]+)/(SHA256SUMS|etcd-v([\\d.]+)-linux-(amd64|arm64)\\.tar\\.gz)");

    private DownloadsSite() {
    }

    /** dl.k8s.io. */
    static Response kubernetes(String path) {
        Matcher m = RELEASE.matcher(path);
        if (!m.matches() || !KubernetesReleases.exists(m.group(1)) || !PROGRAMS.contains(m.group(3))) {
            return Response.notFound();
        }
        byte[] binary = KubernetesReleases.binary(m.group(3), m.group(1), m.group(2));
        return m.group(4) == null ? Response.ok(binary) : Response.ok(sha256(binary));
    }

    /** github.com's release downloads. */
    static Response github(String path) {
        Matcher m = CRI_TOOLS.matcher(path);
        if (m.matches()) {
            if (!m.group(1).equals(m.group(2)) || KubernetesReleases.criTools(m.group(1)).isEmpty()) {
                return Response.notFound();
            }
            byte[] tarball = Tarball.write(List.of(new Tarball.Entry("crictl", KubernetesReleases.binary("crictl", m.group(1),
                    m.group(3)), 0755)));
            return m.group(4) == null ? Response.ok(tarball) : Response.ok(sha256(tarball));
        }
        m = CNI.matcher(path);
        if (m.matches()) {
            if (!m.group(1).equals(m.group(3)) || !KubernetesReleases.isCniPlugins(m.group(1))) {
                return Response.notFound();
            }
            byte[] tarball = cniPlugins(m.group(1), m.group(2));
            String name = "cni-plugins-linux-" + m.group(2) + "-v" + m.group(1) + ".tgz";
            return m.group(4) == null ? Response.ok(tarball) : Response.ok(sha256(tarball) + "  " + name + "\n");
        }
        m = ETCD.matcher(path);
        if (m.matches() && KubernetesReleases.isEtcd(m.group(1))) {
            if (m.group(2).equals("SHA256SUMS")) {
                StringBuilder sums = new StringBuilder();
                for (String arch : KubernetesReleases.ARCHES) {
                    sums.append(sha256(etcd(m.group(1), arch))).append("  etcd-v").append(m.group(1)).append("-linux-")
                            .append(arch).append(".tar.gz\n");
                }
                return Response.ok(sums.toString());
            }
            if (m.group(1).equals(m.group(3))) {
                return Response.ok(etcd(m.group(1), m.group(4)));
            }
        }
        return Response.notFound();
    }

    private static byte[] cniPlugins(String version, String arch) {
        return Tarball.write(KubernetesReleases.CNI_PLUGIN_NAMES.stream()
                .map(plugin -> new Tarball.Entry("./" + plugin, KubernetesReleases.binary(plugin, version, arch), 0755)).toList());
    }

    private static byte[] etcd(String version, String arch) {
        String dir = "etcd-v" + version + "-linux-" + arch + "/";
        return Tarball.write(List.of(
                new Tarball.Entry(dir + "etcd", BinaryVersion.marker("etcd", version, arch).getBytes(StandardCharsets.UTF_8), 0755),
                new Tarball.Entry(dir + "etcdctl", BinaryVersion.marker("etcdctl", version, arch).getBytes(StandardCharsets.UTF_8), 0755),
                new Tarball.Entry(dir + "README.md", "# etcd\n".getBytes(StandardCharsets.UTF_8), 0644)));
    }

    static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
