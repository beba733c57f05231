package dev.mast.manifest;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Plan;
import dev.mast.files.NodeFile;
import dev.mast.sources.RegistryMirror;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The container runtime's configuration on a Kubernetes node, so that the runtime runs pods the
 * way the kubelet Mast configures expects. A runtime package's defaults do not: Debian's containerd
 * uses the cgroupfs driver (the kubelet says {@code systemd}) and a sandbox image Mast never pulls
 * ({@code pause:3.6}), which an air-gapped node cannot fetch.
 * <ul>
 *   <li>containerd: {@value #CONTAINERD_CONFIG} with only the settings the kubelet relies on, every
 *       other one left at containerd's default, and when the plan names a registry that stands in for
 *       registry.k8s.io and ghcr.io, its {@code hosts.toml} for each ({@link RegistryMirror});</li>
 *   <li>Docker: {@value #DOCKER_DAEMON} (the systemd cgroup driver) and a drop-in that starts
 *       cri-dockerd with the pause image Mast pulls. Docker has no per-registry mirrors for
 *       registry.k8s.io, so there is no counterpart of containerd's {@code config_path};</li>
 *   <li>both: {@value #CRICTL_CONFIG}, so {@code crictl} on the node (Mast's image pulls, the logs
 *       read from a node) talks to the kubelet's runtime without guessing, and IP forwarding, which
 *       pod networking needs.</li>
 * </ul>
 */
public final class RuntimeFiles {
    public static final String CONTAINERD_CONFIG = "/etc/containerd/config.toml";
    /** One folder per registry with its {@code hosts.toml}: mirrors, a private CA, credentials. */
    public static final String CONTAINERD_REGISTRY_HOSTS = "/etc/containerd/certs.d";
    public static final String DOCKER_DAEMON = "/etc/docker/daemon.json";
    public static final String CRI_DOCKERD_DROP_IN = "/etc/systemd/system/cri-docker.service.d/20-mast.conf";
    public static final String CRICTL_CONFIG = "/etc/crictl.yaml";
    public static final String SYSCTL = "/etc/sysctl.d/99-kubernetes.conf";
    /** Where the kubelet's world keeps CNI plugins: pkgs.k8s.io's kubernetes-cni, and flannel's own plugin. */
    public static final String CNI_BIN_DIR = "/opt/cni/bin";
    public static final String CNI_CONF_DIR = "/etc/cni/net.d";

    private RuntimeFiles() {
    }

    /** The pause image of the plan's release: the pod sandbox, which Mast pulls with the components. */
    public static String pauseImage(Plan plan) {
        return "registry.k8s.io/pause:" + plan.version().pauseTag();
    }

    /** Every file, sorted by path. */
    public static List<NodeFile> forNode(Plan plan) {
        List<NodeFile> files = new ArrayList<>(runtimeConfiguration(plan));
        files.add(NodeFile.text(CRICTL_CONFIG, crictlConfig(plan), NodeFile.PUBLIC));
        files.add(NodeFile.text(SYSCTL, "net.ipv4.ip_forward = 1\n", NodeFile.PUBLIC));
        if (plan.runtime() == ContainerRuntime.CONTAINERD) {
            files.addAll(RegistryMirror.hostsFiles(plan.sources()));
        }
        return files.stream().sorted(Comparator.comparing(NodeFile::path)).toList();
    }

    /** The files the runtime's service reads when it starts: it must restart when one of them changes. */
    public static List<NodeFile> runtimeConfiguration(Plan plan) {
        if (plan.runtime() == ContainerRuntime.DOCKER) {
            return List.of(NodeFile.text(DOCKER_DAEMON, dockerDaemon(), NodeFile.PUBLIC),
                    NodeFile.text(CRI_DOCKERD_DROP_IN, criDockerdDropIn(plan), NodeFile.PUBLIC));
        }
        return List.of(NodeFile.text(CONTAINERD_CONFIG, containerdConfig(plan), NodeFile.PUBLIC));
    }

    /**
     * Version 2 of containerd's configuration, which containerd 1.x reads as it is and 2.x migrates
     * when it starts. {@code disabled_plugins = []}: some packages (Docker's containerd.io) disable
     * the CRI plugin, which is what the kubelet talks to. The runc runtime is written whole: a
     * table in the file replaces containerd's default one, it does not merge with it.
     */
    static String containerdConfig(Plan plan) {
        return """
                # Written by Mast: what the kubelet relies on. Every other setting is containerd's default.
                version = 2
                disabled_plugins = []

                [plugins."io.containerd.grpc.v1.cri"]
                  sandbox_image = "%s"

                [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                  runtime_type = "io.containerd.runc.v2"

                [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                  # The kubelet's cgroupDriver is systemd; the runtime must use the same driver.
                  SystemdCgroup = true

                [plugins."io.containerd.grpc.v1.cri".cni]
                  bin_dir = "%s"
                  conf_dir = "%s"

                [plugins."io.containerd.grpc.v1.cri".registry]
                  # Mirrors and credentials per registry: %s/<registry>/hosts.toml
                  config_path = "%s"
                """.formatted(pauseImage(plan), CNI_BIN_DIR, CNI_CONF_DIR, CONTAINERD_REGISTRY_HOSTS, CONTAINERD_REGISTRY_HOSTS);
    }

    static String dockerDaemon() {
        return """
                {
                  "exec-opts": ["native.cgroupdriver=systemd"]
                }
                """;
    }

    /** The empty {@code ExecStart=} clears the packaged command; the new one adds the pause image. */
    static String criDockerdDropIn(Plan plan) {
        return """
                # Written by Mast: cri-dockerd starts pods with the pause image Mast pulls, on the CNI network.
                [Service]
                ExecStart=
                ExecStart=/usr/bin/cri-dockerd --container-runtime-endpoint fd:// --pod-infra-container-image=%s \\
                    --network-plugin=cni --cni-bin-dir=%s --cni-conf-dir=%s
                """.formatted(pauseImage(plan), CNI_BIN_DIR, CNI_CONF_DIR);
    }

    static String crictlConfig(Plan plan) {
        return "runtime-endpoint: " + plan.runtime().criSocket() + "\nimage-endpoint: " + plan.runtime().criSocket() + "\n";
    }
}
