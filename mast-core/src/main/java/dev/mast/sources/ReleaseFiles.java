package dev.mast.sources;

import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Sources;
import java.util.Map;

/**
 * The release files of the plan's Kubernetes release for one architecture, where the plan's
 * sources say: the kubelet and kubectl from dl.k8s.io's tree ({@code .sha256} beside each), crictl
 * and the CNI plugins from their GitHub releases ({@code .sha256} beside each), etcd's tarball from
 * its GitHub release ({@code SHA256SUMS} beside it).
 */
public final class ReleaseFiles {
    /** Per minor release: the cri-tools and CNI plugins releases that go with it, as pkgs.k8s.io packages them. */
    private record Tools(String criTools, String cniPlugins) { }

    private static final Map<Integer, Tools> TOOLS = Map.of(
            28, new Tools("1.28.0", "1.3.0"),
            29, new Tools("1.29.0", "1.4.0"),
            30, new Tools("1.30.1", "1.4.1"),
            31, new Tools("1.31.1", "1.5.1"),
            32, new Tools("1.32.0", "1.6.2"),
            33, new Tools("1.33.0", "1.7.1"),
            34, new Tools("1.34.0", "1.7.1"));

    private final Sources sources;
    private final KubernetesVersion version;
    private final Arch arch;

    public ReleaseFiles(Sources sources, KubernetesVersion version, Arch arch) {
        this.sources = sources;
        this.version = version;
        this.arch = arch;
    }

    private Tools tools() {
        Tools tools = TOOLS.get(version.minor());
        if (tools == null) {
            throw new IllegalStateException("no cri-tools and CNI plugins releases known for Kubernetes " + version);
        }
        return tools;
    }

    /** {@code kubelet} or {@code kubectl} of the plan's release, e.g. {@code .../release/v1.34.3/bin/linux/amd64/kubelet}. */
    public ReleaseFile kubernetes(String program) {
        String url = sources.binariesUrl() + "/" + version.tag() + "/bin/linux/" + arch.key() + "/" + program;
        return new ReleaseFile(program, url, url + ".sha256");
    }

    /** The crictl tarball of the cri-tools release that goes with the plan's minor release. */
    public ReleaseFile crictl() {
        String tag = "v" + tools().criTools();
        String name = "crictl-" + tag + "-linux-" + arch.key() + ".tar.gz";
        String url = sources.githubReleasesUrl() + "/kubernetes-sigs/cri-tools/releases/download/" + tag + "/" + name;
        return new ReleaseFile(name, url, url + ".sha256");
    }

    public String crictlVersion() {
        return tools().criTools();
    }

    /** The CNI plugins tarball (bridge, host-local, loopback, portmap, ...), for {@code /opt/cni/bin}. */
    public ReleaseFile cniPlugins() {
        String tag = "v" + tools().cniPlugins();
        String name = "cni-plugins-linux-" + arch.key() + "-" + tag + ".tgz";
        String url = sources.githubReleasesUrl() + "/containernetworking/plugins/releases/download/" + tag + "/" + name;
        return new ReleaseFile(name, url, url + ".sha256");
    }

    public String cniPluginsVersion() {
        return tools().cniPlugins();
    }

    /** etcd's tarball of the version kubeadm pins for the release (its image tag without the revision). */
    public ReleaseFile etcd() {
        String tag = "v" + etcdVersion(version);
        String name = "etcd-" + tag + "-linux-" + arch.key() + ".tar.gz";
        String dir = sources.githubReleasesUrl() + "/etcd-io/etcd/releases/download/" + tag + "/";
        return new ReleaseFile(name, dir + name, dir + "SHA256SUMS");
    }

    /** The etcd version kubeadm pins, e.g. {@code 3.6.5} for the image tag {@code 3.6.5-0}. */
    public static String etcdVersion(KubernetesVersion version) {
        String tag = version.etcdTag();
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }
}
