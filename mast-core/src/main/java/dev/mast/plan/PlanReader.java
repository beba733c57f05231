package dev.mast.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Maps the node tree of a plan file onto {@link Plan}, key by key, so each value keeps its
 * location. Values are taken as written (an address may be invalid); only what cannot be held
 * in the model at all (wrong kinds, unknown keys, unknown roles) is a problem here.
 */
final class PlanReader {
    static final List<String> ROOT_KEYS = List.of("cluster", "nodes", "ssh", "sources");
    static final List<String> CLUSTER_KEYS = List.of("name", "kubernetesVersion", "containerRuntime", "podCidr",
            "serviceCidr", "dnsDomain", "apiServerPort", "controlPlaneEndpoint", "extraFlags", "clusterDns", "podNetwork",
            "apiServerCertSans");
    static final List<String> CLUSTER_DNS_KEYS = List.of("serviceIp", "coreDns", "replicas");
    static final List<String> NODE_KEYS = List.of("hostName", "ip", "internalIp", "roles", "ssh");
    static final List<String> SSH_KEYS = List.of("user", "port", "keyFile", "jump");
    static final List<String> SOURCES_KEYS = List.of("kubernetes", "packageRepository", "packageKey", "binaries",
            "githubReleases", "imageRegistry", "etcd");

    private static final Plan EXAMPLE = Plan.defaults("prod");

    private final String file;
    private final StrictYaml yaml;

    private PlanReader(String file) {
        this.file = file;
        this.yaml = new StrictYaml(file);
    }

    /** @param text checked by {@link YamlText} */
    static LoadedPlan read(String file, String text) throws PlanFileException {
        return new PlanReader(file).read(YamlSource.compose(file, text));
    }

    private LoadedPlan read(Node root) throws PlanFileException {
        Map<String, NodeTuple> top = yaml.mapping(root, "", ROOT_KEYS).orElse(null);
        if (top == null) {
            throw new PlanFileException(file, yaml.problems());
        }
        Plan cluster = required(top, "", "cluster", root, "cluster: {name: prod, kubernetesVersion: \"1.34\", ...}")
                .flatMap(this::readCluster)
                .orElse(null);
        SshSettings ssh = optional(top, "ssh").map(v -> readSsh(v, "ssh")).orElse(Optional.of(SshSettings.UNSET))
                .orElse(SshSettings.UNSET);
        Sources sources = optional(top, "sources").map(this::readSources).orElse(Optional.of(Sources.DEFAULT))
                .orElse(Sources.DEFAULT);
        List<dev.mast.plan.Node> nodes = required(top, "", "nodes", root, "nodes: [{hostName: node001, ip: 10.0.0.1, roles: [etcd, master]}]")
                .flatMap(this::readNodes)
                .orElse(List.of());
        if (!yaml.problems().isEmpty() || cluster == null) {
            throw new PlanFileException(file, yaml.problems());
        }
        // Each node holds the settings it will connect with: its own, else the plan's.
        List<dev.mast.plan.Node> connected = nodes.stream().map(n -> n.withSsh(n.ssh().over(ssh))).toList();
        return new LoadedPlan(cluster.withNodes(connected).withSsh(ssh).withSources(sources), yaml.sourceMap());
    }

    /** The cluster section as a plan without nodes; empty if any of its values could not be read. */
    private Optional<Plan> readCluster(Node node) {
        yaml.record("cluster", node);
        Map<String, NodeTuple> c = yaml.mapping(node, "cluster", CLUSTER_KEYS).orElse(null);
        if (c == null) {
            return Optional.empty();
        }
        var name = requiredText(c, node, "name", EXAMPLE.name());
        var version = requiredText(c, node, "kubernetesVersion", "1.34");
        var runtime = required(c, "cluster", "containerRuntime", node, "containerRuntime: containerd").flatMap(this::readRuntime);
        var podCidr = requiredText(c, node, "podCidr", EXAMPLE.podCidr());
        var serviceCidr = requiredText(c, node, "serviceCidr", EXAMPLE.serviceCidr());
        // What nearly every cluster uses (kubeadm's defaults too): a plan may leave them out.
        var dnsDomain = optional(c, "dnsDomain").map(v -> yaml.text(v, "cluster.dnsDomain")).orElse(Optional.of(EXAMPLE.dnsDomain()));
        var port = optional(c, "apiServerPort")
                .map(v -> yaml.integer(v, "cluster.apiServerPort", "a port number; write a number from 1 to 65535"))
                .orElse(Optional.of(EXAMPLE.apiServerPort()));
        var endpoint = optional(c, "controlPlaneEndpoint").map(v -> yaml.text(v, "cluster.controlPlaneEndpoint"))
                .orElse(Optional.of(""));
        var flags = optional(c, "extraFlags").map(this::readExtraFlags).orElse(Optional.of(Map.of()));
        var dns = optional(c, "clusterDns").map(this::readClusterDns).orElse(Optional.of(ClusterDns.DEFAULT));
        var network = optional(c, "podNetwork").map(this::readPodNetwork).orElse(Optional.of(PodNetwork.FLANNEL));
        var sans = optional(c, "apiServerCertSans").map(this::readCertSans).orElse(Optional.of(ApiServerCert.NONE));
        if (name.isEmpty() || version.isEmpty() || runtime.isEmpty() || podCidr.isEmpty() || serviceCidr.isEmpty()
                || dnsDomain.isEmpty() || port.isEmpty() || endpoint.isEmpty() || flags.isEmpty() || dns.isEmpty()
                || network.isEmpty() || sans.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Plan(name.get(), version.get(), runtime.get(), podCidr.get(), serviceCidr.get(),
                dnsDomain.get(), port.get(), endpoint.get(), List.of(), flags.get(), SshSettings.UNSET, dns.get(), network.get(),
                sans.get(), Sources.DEFAULT));
    }

    private Optional<ClusterDns> readClusterDns(Node node) {
        String path = "cluster.clusterDns";
        yaml.record(path, node);
        Map<String, NodeTuple> d = yaml.mapping(node, path, CLUSTER_DNS_KEYS).orElse(null);
        if (d == null) {
            return Optional.empty();
        }
        ClusterDns defaults = ClusterDns.DEFAULT;
        var serviceIp = optional(d, "serviceIp").map(v -> yaml.text(v, path + ".serviceIp")).orElse(Optional.of(defaults.serviceIp()));
        var coreDns = optional(d, "coreDns").map(v -> yaml.text(v, path + ".coreDns").flatMap(text -> parse(text, PlanReader::bool,
                v, path + ".coreDns", "is not true or false"))).orElse(Optional.of(defaults.coreDns()));
        var replicas = optional(d, "replicas").map(v -> yaml.integer(v, path + ".replicas", "a number of pods, such as 2"))
                .orElse(Optional.of(defaults.replicas()));
        if (serviceIp.isEmpty() || coreDns.isEmpty() || replicas.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterDns(serviceIp.get(), coreDns.get(), replicas.get()));
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private Optional<PodNetwork> readPodNetwork(Node node) {
        return yaml.text(node, "cluster.podNetwork").flatMap(text -> parse(text, PodNetwork::fromKey, node, "cluster.podNetwork",
                "is not a pod network Mast applies; use flannel, or none to install your own CNI plugin"));
    }

    private Optional<ApiServerCert> readCertSans(Node node) {
        String path = "cluster.apiServerCertSans";
        yaml.record(path, node);
        List<Node> items = yaml.sequence(node, path, "[lb.example.com, 10.0.0.100]").orElse(null);
        if (items == null) {
            return Optional.empty();
        }
        var names = new ArrayList<String>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Optional<String> name = yaml.text(items.get(i), path + "[" + i + "]");
            name.ifPresent(names::add);
            ok &= name.isPresent();
        }
        return ok ? Optional.of(new ApiServerCert(names)) : Optional.empty();
    }

    private Optional<ContainerRuntime> readRuntime(Node node) {
        return yaml.text(node, "cluster.containerRuntime").flatMap(text -> parse(text, ContainerRuntime::fromKey,
                node, "cluster.containerRuntime", "is not a container runtime Mast supports; use containerd or docker"));
    }

    private Optional<Map<Component, Map<String, String>>> readExtraFlags(Node node) {
        yaml.record("cluster.extraFlags", node);
        var entries = yaml.openMapping(node, "cluster.extraFlags").orElse(null);
        if (entries == null) {
            return Optional.empty();
        }
        var flags = new EnumMap<Component, Map<String, String>>(Component.class);
        boolean ok = true;
        for (var entry : entries.entrySet()) {
            String path = "cluster.extraFlags." + entry.getKey();
            Optional<Component> component = parse(entry.getKey(), Component::fromKey, entry.getValue().getKeyNode(), path,
                    "is not a component; use kube-apiserver, kube-controller-manager, kube-scheduler, kube-proxy, kubelet or etcd");
            Optional<Map<String, String>> values = readFlagValues(entry.getValue().getValueNode(), path);
            if (component.isPresent() && values.isPresent()) {
                flags.put(component.get(), values.get());
            } else {
                ok = false;
            }
        }
        return ok ? Optional.of(flags) : Optional.empty();
    }

    private Optional<Map<String, String>> readFlagValues(Node node, String path) {
        yaml.record(path, node);
        var entries = yaml.openMapping(node, path).orElse(null);
        if (entries == null) {
            return Optional.empty();
        }
        var values = new LinkedHashMap<String, String>();
        boolean ok = true;
        for (var entry : entries.entrySet()) {
            String flagPath = path + "." + entry.getKey();
            Optional<String> value = yaml.text(entry.getValue().getValueNode(), flagPath);
            // A flag's problems are about its name, so its location is the key, not the value.
            yaml.record(flagPath, entry.getValue().getKeyNode());
            value.ifPresent(v -> values.put(entry.getKey(), v));
            ok &= value.isPresent();
        }
        return ok ? Optional.of(values) : Optional.empty();
    }

    private Optional<List<dev.mast.plan.Node>> readNodes(Node node) {
        yaml.record("nodes", node);
        return yaml.sequence(node, "nodes", "- hostName: node001 ...").map(items -> {
            var nodes = new ArrayList<dev.mast.plan.Node>();
            for (int i = 0; i < items.size(); i++) {
                readNode(items.get(i), "nodes[" + i + "]").ifPresent(nodes::add);
            }
            return nodes;
        });
    }

    private Optional<dev.mast.plan.Node> readNode(Node node, String path) {
        yaml.record(path, node);
        Map<String, NodeTuple> n = yaml.mapping(node, path, NODE_KEYS).orElse(null);
        if (n == null) {
            return Optional.empty();
        }
        var hostName = required(n, path, "hostName", node, "hostName: node001").flatMap(v -> yaml.text(v, path + ".hostName"));
        var ip = required(n, path, "ip", node, "ip: 10.0.0.1").flatMap(v -> yaml.text(v, path + ".ip"));
        var internalIp = optional(n, "internalIp").map(v -> yaml.text(v, path + ".internalIp")).orElse(ip);
        var roles = required(n, path, "roles", node, "roles: [etcd, master]").flatMap(v -> readRoles(v, path + ".roles"));
        var ssh = optional(n, "ssh").map(v -> readSsh(v, path + ".ssh")).orElse(Optional.of(SshSettings.UNSET));
        if (hostName.isEmpty() || ip.isEmpty() || internalIp.isEmpty() || roles.isEmpty() || ssh.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new dev.mast.plan.Node(hostName.get(), ip.get(), internalIp.get(), roles.get(), ssh.get()));
    }

    private Optional<Set<Role>> readRoles(Node node, String path) {
        yaml.record(path, node);
        List<Node> items = yaml.sequence(node, path, "[etcd, master]").orElse(null);
        if (items == null) {
            return Optional.empty();
        }
        var roles = EnumSet.noneOf(Role.class);
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = path + "[" + i + "]";
            Optional<Role> role = yaml.text(item, itemPath).flatMap(text -> parse(text, Role::fromKey, item, itemPath,
                    "is not a role; use etcd, master, worker or ingress"));
            role.ifPresent(roles::add);
            ok &= role.isPresent();
        }
        return ok ? Optional.of(roles) : Optional.empty();
    }

    private Optional<SshSettings> readSsh(Node node, String path) {
        yaml.record(path, node);
        Map<String, NodeTuple> s = yaml.mapping(node, path, SSH_KEYS).orElse(null);
        if (s == null) {
            return Optional.empty();
        }
        // Left out means "from ~/.ssh/config or Mast's default", not a value of its own.
        var user = optional(s, "user").map(v -> yaml.text(v, path + ".user")).orElse(Optional.of(""));
        var port = optional(s, "port").map(v -> yaml.integer(v, path + ".port", "a port number; write a number from 1 to 65535"))
                .orElse(Optional.of(0));
        var keyFile = optional(s, "keyFile").map(v -> yaml.text(v, path + ".keyFile")).orElse(Optional.of(""));
        var jump = optional(s, "jump").map(v -> yaml.text(v, path + ".jump")).orElse(Optional.of(""));
        if (user.isEmpty() || port.isEmpty() || keyFile.isEmpty() || jump.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SshSettings(user.get(), port.get(), keyFile.get(), jump.get()));
    }

    /** The {@code sources:} section; every key may be left out for its default. */
    private Optional<Sources> readSources(Node node) {
        String path = "sources";
        yaml.record(path, node);
        Map<String, NodeTuple> s = yaml.mapping(node, path, SOURCES_KEYS).orElse(null);
        if (s == null) {
            return Optional.empty();
        }
        var kubernetes = optional(s, "kubernetes").map(v -> yaml.text(v, path + ".kubernetes").flatMap(text -> parse(text,
                ProgramSource::fromKey, v, path + ".kubernetes", "is not a source of the Kubernetes programs; use packages or binaries")))
                .orElse(Optional.of(Sources.DEFAULT.kubernetes()));
        var etcd = optional(s, "etcd").map(v -> yaml.text(v, path + ".etcd").flatMap(text -> parse(text, EtcdSource::fromKey, v,
                path + ".etcd", "is not a source of etcd; use image, release or package"))).orElse(Optional.of(Sources.DEFAULT.etcd()));
        List<Optional<String>> urls = new ArrayList<>();
        for (String key : List.of("packageRepository", "packageKey", "binaries", "githubReleases", "imageRegistry")) {
            urls.add(optional(s, key).map(v -> yaml.text(v, path + "." + key)).orElse(Optional.of("")));
        }
        if (kubernetes.isEmpty() || etcd.isEmpty() || urls.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new Sources(kubernetes.get(), urls.get(0).get(), urls.get(1).get(), urls.get(2).get(), urls.get(3).get(),
                urls.get(4).get(), etcd.get()));
    }

    private Optional<String> requiredText(Map<String, NodeTuple> entries, Node parent, String key, String example) {
        return required(entries, "cluster", key, parent, key + ": " + example).flatMap(v -> yaml.text(v, "cluster." + key));
    }

    private Optional<Node> required(Map<String, NodeTuple> entries, String path, String key, Node parent, String example) {
        NodeTuple entry = entries.get(key);
        if (entry == null) {
            String where = path.isEmpty() ? "at the top level" : "under " + path;
            yaml.error(StrictYaml.join(path, key), parent, "is missing; add it " + where + ", e.g. " + example);
            return Optional.empty();
        }
        return Optional.of(entry.getValueNode());
    }

    private static Optional<Node> optional(Map<String, NodeTuple> entries, String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    private <T> Optional<T> parse(String text, Function<String, T> parser, Node at, String path, String problem) {
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException e) {
            yaml.error(path, at, SafeText.quote(text) + " " + problem);
            return Optional.empty();
        }
    }
}
