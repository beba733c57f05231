package dev.mast.sources;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.EtcdSource;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.ProgramSource;
import dev.mast.plan.Role;
import dev.mast.plan.Sources;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one node gets each program the plan installs on it, and what it reads for it, in words a
 * user checks before a run: the preview shows it beside the node's files. The node's distribution and
 * architecture are found out by the run's preflight, so both kinds of repository file are named and
 * release files are shown for amd64.
 */
public final class SourcesSummary {
    private SourcesSummary() {
    }

    /** The lines for the node, one program per paragraph; empty for a node Mast installs nothing on. */
    public static List<String> forNode(Plan plan, Node node) {
        boolean kubernetes = node.has(Role.MASTER) || node.has(Role.WORKER) || node.has(Role.INGRESS);
        boolean etcd = node.has(Role.ETCD);
        if (!kubernetes && !etcd) {
            return List.of();
        }
        Sources sources = plan.sources();
        List<String> lines = new ArrayList<>();
        lines.add("# Where " + node.hostName() + " gets its programs (the plan's sources; preflight asks each from the node)");
        if (kubernetes) {
            lines.add("");
            lines.addAll(kubernetesPrograms(plan, node));
        }
        if (etcd) {
            lines.add("");
            lines.addAll(etcd(plan));
        }
        if (kubernetes || sources.etcd() == EtcdSource.IMAGE) {
            lines.add("");
            lines.addAll(images(plan));
        }
        return lines;
    }

    private static List<String> kubernetesPrograms(Plan plan, Node node) {
        String programs = (node.has(Role.MASTER) ? "kubelet and kubectl " : "kubelet ") + plan.version();
        if (plan.sources().kubernetes() == ProgramSource.BINARIES) {
            ReleaseFiles files = new ReleaseFiles(plan.sources(), plan.version(), Arch.AMD64);
            List<String> lines = new ArrayList<>(List.of(
                    programs + ": release binaries into /usr/local/bin, each checked against its .sha256, run by Mast's kubelet unit",
                    "  " + files.kubernetes("kubelet").url() + "  (the node's architecture; amd64 shown)"));
            lines.add("crictl " + files.crictlVersion() + " and the CNI plugins " + files.cniPluginsVersion() + ": release tarballs");
            lines.add("  " + files.crictl().url());
            lines.add("  " + files.cniPlugins().url());
            return lines;
        }
        PackageRepository repository = new PackageRepository(plan.sources(), plan.version());
        return List.of(programs + ": Kubernetes' packages at exactly that version, with cri-tools and kubernetes-cni, held",
                "  apt:      " + repository.debUrl() + "  key " + repository.debKeyUrl(),
                "            in " + PackageRepository.APT_KEYRING + ", named by " + PackageRepository.APT_LIST
                        + " (" + PackageRepository.APT_SOURCES + " where the node's sources are deb822)",
                "  dnf/yum:  " + repository.rpmUrl() + "  key " + repository.rpmKeyUrl(),
                "            in " + PackageRepository.YUM_REPO + ", gpgcheck, exclude=" + String.join(" ", PackageRepository.HELD));
    }

    private static List<String> etcd(Plan plan) {
        String pinned = "etcd " + ReleaseFiles.etcdVersion(plan.version());
        return switch (plan.sources().etcd()) {
            case IMAGE -> List.of(pinned + " (kubeadm's for " + minor(plan) + "): copied out of its image into /usr/local/bin",
                    "  " + Sources.REGISTRY_K8S_IO + "/etcd:" + plan.version().etcdTag() + ", pulled by "
                            + (plan.runtime() == ContainerRuntime.DOCKER ? "Docker" : "containerd"));
            case RELEASE -> List.of(pinned + " (kubeadm's for " + minor(plan) + "): its release tarball, checked against SHA256SUMS",
                    "  " + new ReleaseFiles(plan.sources(), plan.version(), Arch.AMD64).etcd().url());
            case PACKAGE -> List.of("etcd: the distribution's package (etcd-server on apt nodes, etcd on dnf/yum ones), whatever"
                    + " version it has; the run warns when it is older than " + ReleaseFiles.etcdVersion(plan.version()));
        };
    }

    private static List<String> images(Plan plan) {
        Sources sources = plan.sources();
        if (!sources.mirrorsImages()) {
            return List.of("images: from " + Sources.REGISTRY_K8S_IO);
        }
        return List.of("images: " + String.join("'s and ", RegistryMirror.MIRRORED) + "'s from the site's registry "
                        + RegistryMirror.url(sources), "  containerd reads " + RegistryMirror.HOSTS_DIR
                        + "/<registry>/hosts.toml; the manifests keep the images' names");
    }

    private static String minor(Plan plan) {
        return "Kubernetes " + plan.version().major() + "." + plan.version().minor();
    }
}
