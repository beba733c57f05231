package dev.mast.plan;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Converts a Kismatic (KET) plan file, {@code kismatic-cluster.yaml} of any release from v1.0 to
 * v1.12, into a Mast plan. Unlike Mast's own file the import is lenient: whatever has no Mast
 * equivalent (add-ons, Docker storage, node labels) becomes a located warning, never silently
 * dropped, and so does every key no Kismatic release knew. It fails, with every problem located,
 * only on files it cannot make sense of: broken YAML, values of the wrong kind where the plan needs
 * them, a node without a host name or address, a template's unfilled {@code ${...}} placeholder,
 * or a machine listed with different addresses in two groups.
 */
public final class KismaticImport {
    /** Kismatic ran kube-apiserver on 6443 and had no setting for it. */
    static final int KISMATIC_API_PORT = 6443;

    private final KismaticTree tree;

    private KismaticImport(KismaticTree tree) {
        this.tree = tree;
    }

    public static ImportResult read(Path file) throws IOException {
        return convert(file.toString(), YamlText.read(file.toString(), file));
    }

    /**
     * @throws PlanFileException with every problem found, if the file cannot be converted
     */
    public static ImportResult read(String fileName, Reader reader) throws IOException {
        return convert(fileName, YamlText.read(fileName, reader));
    }

    private static ImportResult convert(String fileName, String text) throws PlanFileException {
        var root = YamlSource.compose(fileName, text);
        if (!(root instanceof MappingNode)) {
            throw new PlanFileException(fileName, List.of(Problem.error("", "a Kismatic plan is a mapping with cluster:, etcd:,"
                    + " master: and worker: sections, found " + StrictYaml.kind(root),
                    Optional.of(YamlSource.location(fileName, root)))));
        }
        var tree = new KismaticTree(fileName, root);
        Plan plan = new KismaticImport(tree).convert();
        if (!tree.errors().isEmpty()) {
            throw new PlanFileException(fileName, tree.errors());
        }
        return new ImportResult(plan, tree.warnings());
    }

    private Plan convert() {
        Plan defaults = Plan.defaults("kubernetes");
        tree.keys("cluster");
        String name = tree.text("cluster.name").orElseGet(() -> {
            tree.warn("cluster.name", "is not set; the plan calls the cluster \"kubernetes\"");
            return defaults.name();
        });
        String podCidr = cidr("cluster.networking.pod_cidr_block", defaults.podCidr());
        String serviceCidr = cidr("cluster.networking.service_cidr_block", defaults.serviceCidr());
        KubernetesVersion version = version();
        var overrides = KismaticOverrides.read(tree, version);
        String dnsDomain = overrides.clusterDomain().orElse(defaults.dnsDomain());
        SshSettings ssh = ssh();
        List<Node> nodes = KismaticNodes.read(tree, ssh);
        ClusterDns dns = KismaticAddOns.clusterDns(tree, serviceCidr, overrides.clusterDns());
        PodNetwork podNetwork = KismaticAddOns.podNetwork(tree);
        var plan = new Plan(name, version.toString(), runtime(), podCidr, serviceCidr, dnsDomain, KISMATIC_API_PORT,
                KismaticEndpoint.controlPlaneEndpoint(tree), nodes, overrides.extraFlags(), SshSettings.UNSET, dns, podNetwork,
                KismaticEndpoint.certificateNames(tree), Sources.DEFAULT).withSsh(ssh);
        KismaticLeftovers.report(tree);
        return plan;
    }

    private KubernetesVersion version() {
        KubernetesVersion fallback = KubernetesVersion.DEFAULT;
        Optional<String> text = tree.text("cluster.version");
        if (text.isEmpty()) {
            tree.warn("cluster.version", "is not set; the plan uses Kubernetes " + fallback + ". Make sure the cluster"
                    + " runs 1." + KubernetesVersion.OLDEST_MINOR + " or later before Mast takes it over");
            return fallback;
        }
        Optional<KubernetesVersion> version = KubernetesVersion.parse(text.get());
        if (version.isPresent() && version.get().isSupported()) {
            return version.get();
        }
        tree.warn("cluster.version", "Kubernetes " + SafeText.brief(text.get()) + " is not one Mast supports (1." + KubernetesVersion.OLDEST_MINOR
                + " to 1." + KubernetesVersion.NEWEST_MINOR + "); the plan uses " + fallback
                + ". Upgrade the cluster to 1." + KubernetesVersion.OLDEST_MINOR + " or later before Mast takes it over");
        return fallback;
    }

    /** Kismatic only ever ran Docker; keep it, through cri-dockerd, rather than switch runtimes unasked. */
    private ContainerRuntime runtime() {
        tree.use("docker.disable");
        tree.warn(tree.node("docker").isPresent() ? "docker" : "cluster", "Kismatic ran containers with Docker, so the plan keeps containerRuntime: docker. Since"
                + " Kubernetes 1.24 the kubelet reaches Docker only through cri-dockerd: install it on every node,"
                + " or change containerRuntime to containerd if the nodes have it");
        return ContainerRuntime.DOCKER;
    }

    private String cidr(String path, String fallback) {
        return tree.text(path).orElseGet(() -> {
            tree.warn(path, "is not set; the plan uses " + fallback);
            return fallback;
        });
    }

    /**
     * Kismatic had one SSH setting for all nodes: it becomes the plan's {@code ssh:}. What it
     * leaves out stays out, for the ssh-agent and ~/.ssh/config to supply, as Ansible's ssh did.
     */
    private SshSettings ssh() {
        String user = tree.text("cluster.ssh.user").orElse("");
        String keyFile = tree.text("cluster.ssh.ssh_key").orElse("");
        int port = tree.text("cluster.ssh.ssh_port").flatMap(text -> {
            if (text.matches("\\d{1,5}")) {
                return Optional.of(Integer.parseInt(text));
            }
            tree.warn("cluster.ssh.ssh_port", SafeText.quote(text) + " is not a port number; the plan leaves the port to "
                    + "~/.ssh/config (else 22)");
            return Optional.empty();
        }).orElse(0);
        return new SshSettings(user, port, keyFile);
    }
}
