package dev.mast.sources;

import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Sources;
import dev.mast.files.NodeFile;
import java.util.List;

/**
 * Kubernetes' package repository of the plan's minor release (pkgs.k8s.io's, or the site's mirror
 * of it), set up as kubeadm's installation guide does: on apt nodes the signing key in
 * {@code /etc/apt/keyrings} and a source that names it ({@code signed-by}), as a one-line
 * {@code .list} or, where the node's own sources use it, a deb822 {@code .sources} file; on
 * dnf/yum nodes a {@code .repo} file with {@code gpgcheck} and the key's URL, excluding the
 * Kubernetes packages from every update but Mast's, which names the exact version.
 */
public final class PackageRepository {
    /** The key as it is published (ASCII armored): apt reads a {@code .asc} keyring as it is, without gpg on the node. */
    public static final String APT_KEYRING = "/etc/apt/keyrings/kubernetes-apt-keyring.asc";
    public static final String APT_LIST = "/etc/apt/sources.list.d/kubernetes.list";
    public static final String APT_SOURCES = "/etc/apt/sources.list.d/kubernetes.sources";
    public static final String YUM_REPO = "/etc/yum.repos.d/kubernetes.repo";
    /** The .repo file's section: {@code --disableexcludes=kubernetes} lifts its excludes for Mast's own install. */
    public static final String YUM_REPO_ID = "kubernetes";
    /** The packages the .repo file keeps from updates; held on apt nodes. */
    public static final List<String> HELD = List.of("kubelet", "kubectl", "cri-tools", "kubernetes-cni");

    private final Sources sources;
    private final KubernetesVersion version;

    public PackageRepository(Sources sources, KubernetesVersion version) {
        this.sources = sources;
        this.version = version;
    }

    /** The flat deb repository, e.g. {@code https://pkgs.k8s.io/core:/stable:/v1.34/deb/}. */
    public String debUrl() {
        return sources.packageRepositoryFor(version) + "/deb/";
    }

    /** The rpm repository's base URL, e.g. {@code https://pkgs.k8s.io/core:/stable:/v1.34/rpm/}. */
    public String rpmUrl() {
        return sources.packageRepositoryFor(version) + "/rpm/";
    }

    public String debKeyUrl() {
        return sources.packageKey().isBlank() ? debUrl() + "Release.key" : sources.packageKey().trim();
    }

    public String rpmKeyUrl() {
        return sources.packageKey().isBlank() ? rpmUrl() + "repodata/repomd.xml.key" : sources.packageKey().trim();
    }

    /** The apt source naming the keyring: one line in a {@code .list}, or a deb822 stanza. */
    public NodeFile aptSource(boolean deb822) {
        if (deb822) {
            return NodeFile.text(APT_SOURCES, """
                    # Kubernetes %s packages, set up by Mast
                    Types: deb
                    URIs: %s
                    Suites: /
                    Signed-By: %s
                    """.formatted(minor(), debUrl(), APT_KEYRING), NodeFile.PUBLIC);
        }
        return NodeFile.text(APT_LIST, "# Kubernetes " + minor() + " packages, set up by Mast\n"
                + "deb [signed-by=" + APT_KEYRING + "] " + debUrl() + " /\n", NodeFile.PUBLIC);
    }

    /** The other apt source file, which Mast removes so the node has one source of Kubernetes packages. */
    public static String otherAptSource(boolean deb822) {
        return deb822 ? APT_LIST : APT_SOURCES;
    }

    public NodeFile yumRepo() {
        return NodeFile.text(YUM_REPO, """
                # Kubernetes %s packages, set up by Mast
                [%s]
                name=Kubernetes %s
                baseurl=%s
                enabled=1
                gpgcheck=1
                gpgkey=%s
                exclude=%s
                """.formatted(minor(), YUM_REPO_ID, minor(), rpmUrl(), rpmKeyUrl(), String.join(" ", HELD)), NodeFile.PUBLIC);
    }

    private String minor() {
        return version.major() + "." + version.minor();
    }
}
