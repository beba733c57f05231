package dev.mast.sim.internet;

import dev.mast.sim.machine.BinaryVersion;
import dev.mast.sim.machine.PackageDef;
import dev.mast.sim.machine.UnitTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What upstream publishes, as far as the simulator knows it: every patch release of the minor
 * releases Mast installs, the cri-tools and CNI plugins releases packaged with each minor, the etcd
 * releases kubeadm pins, and how pkgs.k8s.io numbers its packages. Kept apart from Mast's own tables
 * on purpose: the simulator checks Mast against what upstream has, not against itself.
 */
public final class KubernetesReleases {
    /** The newest patch release of each minor release. */
    private static final Map<Integer, Integer> LATEST_PATCH = Map.of(28, 15, 29, 15, 30, 14, 31, 14, 32, 11, 33, 7, 34, 3);
    private static final Map<Integer, String> CRI_TOOLS = Map.of(28, "1.28.0", 29, "1.29.0", 30, "1.30.1", 31, "1.31.1",
            32, "1.32.0", 33, "1.33.0", 34, "1.34.0");
    private static final Map<Integer, String> CNI_PLUGINS = Map.of(28, "1.3.0", 29, "1.4.0", 30, "1.4.1", 31, "1.5.1",
            32, "1.6.2", 33, "1.7.1", 34, "1.7.1");
    private static final Set<String> ETCD = Set.of("3.5.15", "3.5.16", "3.5.21", "3.5.24", "3.6.5");
    public static final List<String> ARCHES = List.of("amd64", "arm64");
    public static final List<String> CNI_PLUGIN_NAMES = List.of("bridge", "host-local", "loopback", "portmap", "bandwidth",
            "firewall", "tuning");

    /** The package family of a repository: deb and rpm number the same release differently. */
    public enum Format { DEB, RPM }

    private KubernetesReleases() {
    }

    public static boolean hasMinor(int minor) {
        return LATEST_PATCH.containsKey(minor);
    }

    /** Whether {@code 1.M.P} was released. */
    public static boolean exists(String version) {
        String[] parts = version.split("\\.");
        if (parts.length != 3 || !parts[0].equals("1") || !parts[1].matches("\\d+") || !parts[2].matches("\\d+")) {
            return false;
        }
        Integer latest = LATEST_PATCH.get(Integer.parseInt(parts[1]));
        return latest != null && Integer.parseInt(parts[2]) <= latest;
    }

    public static List<String> patches(int minor) {
        List<String> versions = new ArrayList<>();
        for (int patch = 0; patch <= LATEST_PATCH.getOrDefault(minor, -1); patch++) {
            versions.add("1." + minor + "." + patch);
        }
        return versions;
    }

    public static Optional<String> criTools(String version) {
        return Optional.ofNullable(CRI_TOOLS.values().contains(version) ? version : null);
    }

    public static boolean isCniPlugins(String version) {
        return CNI_PLUGINS.containsValue(version);
    }

    public static boolean isEtcd(String version) {
        return ETCD.contains(version);
    }

    /** How pkgs.k8s.io numbers a package of an upstream version: {@code 1.34.3-1.1} or {@code 1.34.3-150500.1.1}. */
    public static String packageVersion(String upstream, Format format) {
        return upstream + (format == Format.DEB ? "-1.1" : "-150500.1.1");
    }

    /** A release binary: a simulated program that reports its version and runs only on its architecture. */
    public static byte[] binary(String program, String version, String arch) {
        return BinaryVersion.marker(program, "v" + version, arch).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The packages of one minor's repository for one architecture: kubelet and kubectl of every patch, cri-tools, CNI plugins. */
    public static List<PackageDef> packages(int minor, Format format, String arch) {
        List<PackageDef> packages = new ArrayList<>();
        String criTools = CRI_TOOLS.get(minor);
        String cni = CNI_PLUGINS.get(minor);
        packages.add(new PackageDef("cri-tools", packageVersion(criTools, format),
                "Command-line utility for interacting with a container runtime", List.of(),
                List.of(file("/usr/bin/crictl", "crictl", criTools, arch)), List.of()));
        List<PackageDef.PackageFile> plugins = new ArrayList<>();
        for (String plugin : CNI_PLUGIN_NAMES) {
            plugins.add(file("/opt/cni/bin/" + plugin, plugin, cni, arch));
        }
        packages.add(new PackageDef("kubernetes-cni", packageVersion(cni, format),
                "Binaries required to provision kubernetes container networking", List.of(), plugins, List.of()));
        for (String version : patches(minor)) {
            packages.add(new PackageDef("kubelet", packageVersion(version, format), "Node agent for Kubernetes clusters", List.of(),
                    List.of(file("/usr/bin/kubelet", "kubelet", version, arch),
                            new PackageDef.PackageFile("/lib/systemd/system/kubelet.service", UnitTexts.KUBELET, 0644, false)),
                    List.of("kubelet.service")));
            packages.add(new PackageDef("kubectl", packageVersion(version, format),
                    "Command-line utility for interacting with a Kubernetes cluster", List.of(),
                    List.of(file("/usr/bin/kubectl", "kubectl", version, arch)), List.of()));
        }
        return packages;
    }

    private static PackageDef.PackageFile file(String path, String program, String version, String arch) {
        return new PackageDef.PackageFile(path, BinaryVersion.marker(program, "v" + version, arch), 0755, false);
    }
}
