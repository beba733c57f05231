package dev.mast.sim.machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The packages a simulated node's repositories offer: the container runtimes, the Kubernetes
 * node tools (of the cluster's Kubernetes version), etcd, and the control-plane packages an
 * old systemd-run cluster was installed from. Their systemd units are given by the caller
 * (with the flags of that cluster); without one a package gets a bare unit.
 */
public final class PackageCatalog {
    private final Map<String, PackageDef> packages = new LinkedHashMap<>();

    /**
     * @param kubernetesVersion e.g. {@code 1.34.3}
     * @param unitTexts         unit file content by package name, overriding the bare units
     */
    public PackageCatalog(String kubernetesVersion, Map<String, String> unitTexts) {
        this(kubernetesVersion, unitTexts, List.of());
    }

    /**
     * @param extra packages of the cluster's own making (Kismatic's, say), offered besides the usual ones
     */
    public PackageCatalog(String kubernetesVersion, Map<String, String> unitTexts, List<PackageDef> extra) {
        String k8s = kubernetesVersion + "-1.1";
        add("runc", "1.1.5+ds1-1+deb12u1", "Open Container Project - runtime", List.of(), List.of(binary("/usr/sbin/runc", "1.1.5")), null, null);
        add("iptables", "1.8.9-2", "administration tools for packet filtering and NAT", List.of(),
                List.of(binary("/usr/sbin/iptables", "1.8.9")), null, null);
        for (String name : List.of("conntrack", "conntrack-tools")) {
            add(name, "1:1.4.7-1+b2", "Program to modify the conntrack tables", List.of(),
                    List.of(binary("/usr/sbin/conntrack", "1.4.7")), null, null);
        }
        add("containerd", "1.6.20~ds1-1+deb12u1", "daemon to control runC", List.of("runc"),
                List.of(binary("/usr/bin/containerd", "1.6.20"), binary("/usr/bin/ctr", "1.6.20"),
                        binary("/usr/bin/containerd-shim-runc-v2", "1.6.20"),
                        new PackageDef.PackageFile("/etc/containerd/config.toml", "version = 2\n", 0644, true)),
                "containerd.service", unitTexts.getOrDefault("containerd", UnitTexts.CONTAINERD));
        add("docker.io", "20.10.24+dfsg1-1+deb12u1", "Linux container runtime", List.of("containerd", "runc"),
                List.of(binary("/usr/bin/docker", "20.10.24"), binary("/usr/sbin/dockerd", "20.10.24")),
                "docker.service", unitTexts.getOrDefault("docker.io", UnitTexts.DOCKER));
        add("cri-dockerd", "0.3.16.3-0.debian-bookworm", "CRI interface for Docker", List.of("docker.io"),
                List.of(binary("/usr/bin/cri-dockerd", "0.3.16")),
                "cri-docker.service", unitTexts.getOrDefault("cri-dockerd", UnitTexts.CRI_DOCKERD));
        add("cri-tools", "1.34.0-1.1", "Command-line utility for interacting with a container runtime", List.of(),
                List.of(binary("/usr/bin/crictl", "v1.34.0")), null, null);
        add("kubernetes-cni", "1.7.1-1.1", "Binaries required to provision kubernetes container networking", List.of(),
                Stream.of("bridge", "host-local", "loopback", "portmap").map(plugin -> binary("/opt/cni/bin/" + plugin, "v1.7.1"))
                        .toList(), null, null);
        add("kubelet", k8s, "Node agent for Kubernetes clusters", List.of("cri-tools", "kubernetes-cni"),
                List.of(binary("/usr/bin/kubelet", "v" + kubernetesVersion)),
                "kubelet.service", unitTexts.getOrDefault("kubelet", UnitTexts.KUBELET));
        add("kubectl", k8s, "Command-line utility for interacting with a Kubernetes cluster", List.of(),
                List.of(binary("/usr/bin/kubectl", "v" + kubernetesVersion)), null, null);
        for (String name : List.of("etcd-server", "etcd")) {
            add(name, "3.4.23-4+b6", "highly-available key value store -- daemon", List.of(),
                    List.of(binary("/usr/bin/etcd", "3.4.23"), new PackageDef.PackageFile("/etc/default/etcd",
                            "## etcd(1) daemon options\n## See \"/usr/share/doc/etcd-server/op-guide/configuration.md.gz\"\n", 0644, true)),
                    "etcd.service", unitTexts.getOrDefault(name, UnitTexts.ETCD));
        }
        add("etcd-client", "3.4.23-4+b6", "highly-available key value store -- client", List.of(),
                List.of(binary("/usr/bin/etcdctl", "3.4.23")), null, null);
        for (String component : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy")) {
            add(component, kubernetesVersion + "-00", "Kubernetes " + component, List.of(),
                    List.of(binary("/usr/bin/" + component, "v" + kubernetesVersion)),
                    component + ".service", unitTexts.getOrDefault(component, UnitTexts.bare(component)));
        }
        extra.forEach(def -> packages.put(def.name(), def));
    }

    private void add(String name, String version, String description, List<String> depends, List<PackageDef.PackageFile> files,
                     String unit, String unitText) {
        List<PackageDef.PackageFile> all = new ArrayList<>(files);
        List<String> services = new ArrayList<>();
        if (unit != null) {
            all.add(new PackageDef.PackageFile("/lib/systemd/system/" + unit, unitText, 0644, false));
            services.add(unit);
        }
        packages.put(name, new PackageDef(name, version, description, depends, all, services));
    }

    private static PackageDef.PackageFile binary(String path, String version) {
        return new PackageDef.PackageFile(path, BinaryVersion.marker(path.substring(path.lastIndexOf('/') + 1), version), 0755, false);
    }

    /**
     * Whether the distribution's own repository has the package. Debian, Ubuntu and Rocky ship no kubelet, kubectl,
     * cri-tools or kubernetes-cni (they come from pkgs.k8s.io), nor the old control-plane packages; Rocky ships no etcd.
     */
    public boolean inDistribution(String name, OsImage.PackageFamily family) {
        if (List.of("kubelet", "kubectl", "cri-tools", "kubernetes-cni").contains(name) || name.startsWith("kube-")) {
            return false;
        }
        return family == OsImage.PackageFamily.APT || !name.startsWith("etcd");
    }

    /** A package of any origin, for what a node had installed before the simulation began. */
    public Optional<PackageDef> find(String name) {
        return Optional.ofNullable(packages.get(name));
    }

    public List<String> names() {
        return List.copyOf(packages.keySet());
    }
}
