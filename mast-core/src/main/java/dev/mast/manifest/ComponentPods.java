package dev.mast.manifest;

import dev.mast.pki.PkiPaths;
import static dev.mast.manifest.HostMount.directory;
import static dev.mast.manifest.HostMount.file;

import dev.mast.plan.Component;
import dev.mast.plan.Plan;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The four static pods as fabric8 objects, shaped like kubeadm's ({@code staticpod.ComponentPod}
 * and {@code controlplane.GetStaticPodSpecs}): host network, {@code system-node-critical}, the
 * runtime's default seccomp profile, a CPU request, probes on the component's own health endpoints
 * and typed host path mounts. Probes are built from the merged flags, so they always ask the port
 * and address the component was told to serve on.
 */
final class ComponentPods {
    static final String NAMESPACE = "kube-system";
    static final String PRIORITY_CLASS = "system-node-critical";
    /** The value of {@code system-node-critical}; kubeadm sets both, and admission checks they agree. */
    static final int PRIORITY = 2000001000;
    static final String ADVERTISE_ADDRESS_ANNOTATION = "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint";
    static final String FLEXVOLUME_DIR = "/usr/libexec/kubernetes/kubelet-plugins/volume/exec";

    /**
     * The system trust store and the directories its entries link into, on Debian/Ubuntu and on
     * RHEL-like systems. kubeadm mounts the extra ones only where they exist; a plan cannot look at
     * the node, so all are mounted, and DirectoryOrCreate leaves an empty folder where one is missing.
     */
    private static final List<HostMount> CA_CERTS = List.of(
            directory("ca-certs", "/etc/ssl/certs", true),
            directory("etc-ca-certificates", "/etc/ca-certificates", true),
            directory("etc-pki-ca-trust", "/etc/pki/ca-trust", true),
            directory("etc-pki-tls-certs", "/etc/pki/tls/certs", true),
            directory("usr-local-share-ca-certificates", "/usr/local/share/ca-certificates", true),
            directory("usr-share-ca-certificates", "/usr/share/ca-certificates", true));

    private ComponentPods() {
    }

    /**
     * Where a pod's files come from. Mast's own layout mounts its PKI folder and kubeconfigs; a pod
     * converted from a systemd unit mounts, in place, exactly the files its flags, configuration
     * file and kubeconfigs name ({@code otherPaths} the latter, {@code directories} those the node
     * says are folders), and probes the component where its flags (or the program's defaults) have
     * it serve.
     *
     * @param nodeAddress where an API server that names no address of its own serves, as probes reach it
     */
    record PodFiles(boolean mastLayout, List<String> otherPaths, Set<String> directories, String nodeAddress) {
        static final PodFiles MAST = new PodFiles(true, List.of(), Set.of(), "");

        List<HostMount> identity(List<HostMount> mast) {
            return mastLayout ? mast : List.of();
        }
    }

    static Pod apiServer(Plan plan, Flags flags, PodFiles files) {
        String bind = flags.values().getOrDefault("bind-address", "0.0.0.0");
        String host = flags.values().getOrDefault("advertise-address",
                bind.equals("0.0.0.0") || bind.equals("::") ? files.nodeAddress() : bind);
        var endpoint = new Probes.Endpoint(host, port(flags, "secure-port", 6443), Probes.HTTPS);
        boolean anonymous = !"false".equals(flags.values().get("anonymous-auth"));
        UnaryOperator<Probe> reachable = anonymous ? UnaryOperator.identity() : Probes::tcp;
        var container = container(Component.KUBE_APISERVER, plan, flags, "250m")
                .withLivenessProbe(reachable.apply(Probes.liveness(endpoint, "/livez")))
                .withReadinessProbe(reachable.apply(Probes.readiness(endpoint, "/readyz")))
                .withStartupProbe(reachable.apply(Probes.startup(endpoint, "/livez")));
        var mounts = new ArrayList<>(CA_CERTS);
        mounts.addAll(files.identity(List.of(directory("k8s-certs", PkiPaths.PKI_DIR, true))));
        return pod(Component.KUBE_APISERVER, flags, controlPlaneLabels(Component.KUBE_APISERVER),
                Map.of(ADVERTISE_ADDRESS_ANNOTATION, endpoint.host() + ":" + endpoint.port()), container, mounts, files);
    }

    static Pod controllerManager(Plan plan, Flags flags, PodFiles files) {
        var endpoint = Probes.Endpoint.fromBindAddress(flags.values().getOrDefault("bind-address", "0.0.0.0") + ":"
                + port(flags, "secure-port", KubePorts.CONTROLLER_MANAGER), Probes.HTTPS);
        var container = healthzProbed(container(Component.KUBE_CONTROLLER_MANAGER, plan, flags, "200m"), endpoint);
        var mounts = new ArrayList<>(CA_CERTS);
        mounts.addAll(files.identity(List.of(directory("k8s-certs", PkiPaths.PKI_DIR, true),
                file("kubeconfig", PkiPaths.CONTROLLER_MANAGER_CONF, true))));
        // Writable: third-party volume plugins talk to the controller-manager through sockets here.
        mounts.add(directory("flexvolume-dir", FLEXVOLUME_DIR, false));
        return pod(Component.KUBE_CONTROLLER_MANAGER, flags, controlPlaneLabels(Component.KUBE_CONTROLLER_MANAGER),
                Map.of(), container, mounts, files);
    }

    static Pod scheduler(Plan plan, Flags flags, PodFiles files) {
        var endpoint = Probes.Endpoint.fromBindAddress(flags.values().getOrDefault("bind-address", "0.0.0.0") + ":"
                + port(flags, "secure-port", KubePorts.SCHEDULER), Probes.HTTPS);
        var container = healthzProbed(container(Component.KUBE_SCHEDULER, plan, flags, "100m"), endpoint);
        var mounts = files.identity(List.of(file("kubeconfig", PkiPaths.SCHEDULER_CONF, true)));
        return pod(Component.KUBE_SCHEDULER, flags, controlPlaneLabels(Component.KUBE_SCHEDULER), Map.of(), container, mounts, files);
    }

    /**
     * kube-proxy is privileged because it programs iptables and loads kernel modules. Its probes use
     * {@code /livez}, not {@code /healthz}: since 1.28 {@code /healthz} also fails while the node is
     * being drained for deletion (KEP-3836, meant for load balancers), which would mark a healthy
     * kube-proxy unready and stall a rollout that waits for Ready.
     */
    static Pod kubeProxy(Plan plan, Flags flags, PodFiles files) {
        var endpoint = Probes.Endpoint.fromBindAddress(flags.values().getOrDefault("healthz-bind-address",
                "0.0.0.0:" + KubePorts.KUBE_PROXY_HEALTHZ), Probes.HTTP);
        var container = container(Component.KUBE_PROXY, plan, flags, "100m")
                .withNewSecurityContext().withPrivileged(true).endSecurityContext()
                .withLivenessProbe(Probes.liveness(endpoint, "/livez"))
                .withReadinessProbe(Probes.readiness(endpoint, "/livez"))
                .withStartupProbe(Probes.startup(endpoint, "/livez"));
        var mounts = new ArrayList<>(files.identity(List.of(file("kubeconfig", PkiPaths.KUBE_PROXY_CONF, true))));
        mounts.add(directory("lib-modules", "/lib/modules", true));
        // Shared with every other iptables user on the host so their rule updates do not interleave.
        mounts.add(file("xtables-lock", "/run/xtables.lock", false));
        // component: like the control plane, so Mast finds all four static pods the same way;
        // k8s-app: what kubeadm's DaemonSet uses, so existing selectors keep working;
        // tier node, not control-plane: it runs on workers too, and tier=control-plane selectors
        // (kubeadm's upgrade checks) must not wait on it.
        var labels = new TreeMap<>(Map.of("component", Component.KUBE_PROXY.key(), "k8s-app",
                Component.KUBE_PROXY.key(), "tier", "node"));
        return pod(Component.KUBE_PROXY, flags, labels, Map.of(), container, mounts, files);
    }

    private static ContainerBuilder healthzProbed(ContainerBuilder container, Probes.Endpoint endpoint) {
        return container
                .withLivenessProbe(Probes.liveness(endpoint, "/healthz"))
                .withReadinessProbe(Probes.readiness(endpoint, "/healthz"))
                .withStartupProbe(Probes.startup(endpoint, "/healthz"));
    }

    private static ContainerBuilder container(Component component, Plan plan, Flags flags, String cpu) {
        var command = new ArrayList<String>();
        command.add(component.key());
        command.addAll(flags.arguments());
        return new ContainerBuilder()
                .withName(component.key())
                .withImage(image(component, plan))
                .withImagePullPolicy("IfNotPresent")
                .withCommand(command)
                .withNewResources().addToRequests("cpu", new Quantity(cpu)).endResources();
    }

    /** The image of a component for the plan's release, e.g. {@code registry.k8s.io/kube-apiserver:v1.34.3}. */
    static String image(Component component, Plan plan) {
        return "registry.k8s.io/" + component.key() + ":" + plan.version().tag();
    }

    private static TreeMap<String, String> controlPlaneLabels(Component component) {
        return new TreeMap<>(Map.of("component", component.key(), "tier", "control-plane"));
    }

    private static Pod pod(Component component, Flags flags, Map<String, String> labels, Map<String, String> annotations,
                           ContainerBuilder container, List<HostMount> mounts, PodFiles files) {
        var all = new ArrayList<>(mounts);
        all.addAll(FlagPathMounts.forPaths(component.key(), flags, files.otherPaths(), files.directories(), mounts));
        // Sorted by name as kubeadm sorts them, so the file does not depend on the order above.
        var sorted = all.stream().sorted(Comparator.comparing(HostMount::name)).toList();
        Container built = container.withVolumeMounts(sorted.stream().map(HostMount::mount).toList()).build();
        return new PodBuilder()
                .withApiVersion("v1")
                .withKind("Pod")
                .withNewMetadata()
                .withName(component.key())
                .withNamespace(NAMESPACE)
                .withLabels(new TreeMap<>(labels))
                .withAnnotations(annotations.isEmpty() ? null : new TreeMap<>(annotations))
                .endMetadata()
                .withNewSpec()
                .withContainers(built)
                .withHostNetwork(true)
                .withPriority(PRIORITY)
                .withPriorityClassName(PRIORITY_CLASS)
                .withNewSecurityContext().withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .withVolumes(sorted.stream().map(HostMount::volume).toList())
                .endSpec()
                .build();
    }

    private static int port(Flags flags, String name, int fallback) {
        String value = flags.values().getOrDefault(name, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ManifestException("--" + name + "=" + value + " is not a port number");
        }
    }
}
