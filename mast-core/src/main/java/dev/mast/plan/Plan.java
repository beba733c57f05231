package dev.mast.plan;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster as the user describes it: everything Mast needs to render files and run a
 * workflow. Values are kept as the user typed them (strings for addresses and CIDRs) so an
 * invalid plan can still be held, shown and validated; the accessors below parse them and
 * may only be used on a plan that {@link PlanValidator} accepted.
 *
 * @param controlPlaneEndpoint optional load-balanced {@code host[:port]}; empty when there is none
 * @param extraFlags           per component, flags the user adds ({@code name -> value}, without {@code --})
 * @param ssh                  the SSH settings every node has unless it says otherwise (the plan file's
 *                             top-level {@code ssh:}); each node's {@link Node#ssh()} already includes them
 * @param clusterDns           the DNS service address and whether Mast applies CoreDNS there
 * @param podNetwork           the pod network an install applies
 * @param apiServerCert        extra names of the API server's certificate
 * @param sources              where the nodes get the Kubernetes programs, etcd and the images (the plan file's
 *                             top-level {@code sources:})
 */
public record Plan(
        String name,
        String kubernetesVersion,
        ContainerRuntime runtime,
        String podCidr,
        String serviceCidr,
        String dnsDomain,
        int apiServerPort,
        String controlPlaneEndpoint,
        List<Node> nodes,
        Map<Component, Map<String, String>> extraFlags,
        SshSettings ssh,
        ClusterDns clusterDns,
        PodNetwork podNetwork,
        ApiServerCert apiServerCert,
        Sources sources) {

    public Plan {
        ssh = ssh == null ? SshSettings.UNSET : ssh;
        nodes = List.copyOf(nodes);
        controlPlaneEndpoint = controlPlaneEndpoint == null ? "" : controlPlaneEndpoint;
        clusterDns = clusterDns == null ? ClusterDns.DEFAULT : clusterDns;
        podNetwork = podNetwork == null ? PodNetwork.FLANNEL : podNetwork;
        apiServerCert = apiServerCert == null ? ApiServerCert.NONE : apiServerCert;
        sources = sources == null ? Sources.DEFAULT : sources;
        var flags = new EnumMap<Component, Map<String, String>>(Component.class);
        extraFlags.forEach((component, values) -> {
            if (!values.isEmpty()) {
                flags.put(component, Collections.unmodifiableMap(new LinkedHashMap<>(values)));
            }
        });
        extraFlags = Collections.unmodifiableMap(flags);
    }

    public Plan(String name, String kubernetesVersion, ContainerRuntime runtime, String podCidr, String serviceCidr,
                String dnsDomain, int apiServerPort, String controlPlaneEndpoint, List<Node> nodes,
                Map<Component, Map<String, String>> extraFlags) {
        this(name, kubernetesVersion, runtime, podCidr, serviceCidr, dnsDomain, apiServerPort, controlPlaneEndpoint,
                nodes, extraFlags, SshSettings.UNSET);
    }

    /** A plan with the default DNS, pod network and API server certificate, whose programs and images come from upstream. */
    public Plan(String name, String kubernetesVersion, ContainerRuntime runtime, String podCidr, String serviceCidr,
                String dnsDomain, int apiServerPort, String controlPlaneEndpoint, List<Node> nodes,
                Map<Component, Map<String, String>> extraFlags, SshSettings ssh) {
        this(name, kubernetesVersion, runtime, podCidr, serviceCidr, dnsDomain, apiServerPort, controlPlaneEndpoint, nodes,
                extraFlags, ssh, ClusterDns.DEFAULT, PodNetwork.FLANNEL, ApiServerCert.NONE, Sources.DEFAULT);
    }

    /** A new plan with kubeadm's defaults and no nodes. */
    public static Plan defaults(String name) {
        return new Plan(name, KubernetesVersion.DEFAULT.toString(), ContainerRuntime.CONTAINERD,
                "10.244.0.0/16", "10.96.0.0/12", "cluster.local", 6443, "", List.of(), Map.of());
    }

    public KubernetesVersion version() {
        return KubernetesVersion.parse(kubernetesVersion)
                .orElseThrow(() -> new IllegalStateException("not a Kubernetes version: " + kubernetesVersion));
    }

    public List<Node> nodesWith(Role role) {
        return nodes.stream().filter(n -> n.has(role)).toList();
    }

    public List<Node> masters() {
        return nodesWith(Role.MASTER);
    }

    public List<Node> etcdNodes() {
        return nodesWith(Role.ETCD);
    }

    public Map<String, String> extraFlags(Component component) {
        return extraFlags.getOrDefault(component, Map.of());
    }

    /** The ClusterIP of the {@code kubernetes} service: the first address of the service CIDR. */
    public String apiServerServiceIp() {
        return parsedServiceCidr().address(1);
    }

    /** The ClusterIP of the cluster DNS service: the plan's, else the tenth address, as kubeadm picks it. */
    public String clusterDnsIp() {
        return clusterDns.serviceIp().isBlank() ? defaultClusterDnsIp() : clusterDns.serviceIp().trim();
    }

    public String defaultClusterDnsIp() {
        return parsedServiceCidr().address(10);
    }

    private Cidr parsedServiceCidr() {
        return Cidr.parse(serviceCidr).orElseThrow(() -> new IllegalStateException("not a CIDR: " + serviceCidr));
    }

    /** Host the other components and kubeconfigs use for the API server. */
    public String apiServerHost() {
        if (!controlPlaneEndpoint.isEmpty()) {
            int colon = controlPlaneEndpoint.lastIndexOf(':');
            return colon < 0 ? controlPlaneEndpoint : controlPlaneEndpoint.substring(0, colon);
        }
        return masters().isEmpty() ? "127.0.0.1" : masters().get(0).internalIp();
    }

    public int apiServerEndpointPort() {
        int colon = controlPlaneEndpoint.lastIndexOf(':');
        return colon < 0 ? apiServerPort : Integer.parseInt(controlPlaneEndpoint.substring(colon + 1));
    }

    /** The URL kubeconfigs point at: the load balancer if there is one, else the first master. */
    public String apiServerUrl() {
        return "https://" + apiServerHost() + ":" + apiServerEndpointPort();
    }

    public Plan withNodes(List<Node> value) {
        return new Plan(name, kubernetesVersion, runtime, podCidr, serviceCidr, dnsDomain, apiServerPort,
                controlPlaneEndpoint, value, extraFlags, ssh, clusterDns, podNetwork, apiServerCert, sources);
    }

    public Plan withKubernetesVersion(String value) {
        return new Plan(name, value, runtime, podCidr, serviceCidr, dnsDomain, apiServerPort,
                controlPlaneEndpoint, nodes, extraFlags, ssh, clusterDns, podNetwork, apiServerCert, sources);
    }

    public Plan withExtraFlags(Map<Component, Map<String, String>> value) {
        return new Plan(name, kubernetesVersion, runtime, podCidr, serviceCidr, dnsDomain, apiServerPort,
                controlPlaneEndpoint, nodes, value, ssh, clusterDns, podNetwork, apiServerCert, sources);
    }

    /** New settings for every node: each node keeps what it set itself and takes the rest from {@code value}. */
    public Plan withSsh(SshSettings value) {
        List<Node> updated = nodes.stream().map(node -> node.withSsh(node.ssh().without(ssh).over(value))).toList();
        return new Plan(name, kubernetesVersion, runtime, podCidr, serviceCidr, dnsDomain, apiServerPort,
                controlPlaneEndpoint, updated, extraFlags, value, clusterDns, podNetwork, apiServerCert, sources);
    }

    public Plan withClusterDns(ClusterDns value) {
        return new Plan(name, kubernetesVersion, runtime, podCidr, serviceCidr, dnsDomain, apiServerPort,
                controlPlaneEndpoint, nodes, extraFlags, ssh, value, podNetwork, apiServerCert, sources);
    }

    public Plan withPodNetwork(PodNetwork value) {
        return new Plan(name, kubernetesVersion, runtime, podCidr, serviceCidr, dnsDomain, apiServerPort,
                controlPlaneEndpoint, nodes, extraFlags, ssh, clusterDns, value, apiServerCert, sources);
    }

    public Plan withApiServerCert(ApiServerCert value) {
        return new Plan(name, kubernetesVersion, runtime, podCidr, serviceCidr, dnsDomain, apiServerPort,
                controlPlaneEndpoint, nodes, extraFlags, ssh, clusterDns, podNetwork, value, sources);
    }

    public Plan withSources(Sources value) {
        return new Plan(name, kubernetesVersion, runtime, podCidr, serviceCidr, dnsDomain, apiServerPort,
                controlPlaneEndpoint, nodes, extraFlags, ssh, clusterDns, podNetwork, apiServerCert, value);
    }
}
