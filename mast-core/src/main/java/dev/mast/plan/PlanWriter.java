package dev.mast.plan;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes a plan as YAML in a fixed key order (the order of the documented format), building the
 * node tree by hand so the layout is stable: the same plan always gives the same bytes. Text
 * values are tagged as strings, so SnakeYAML quotes any that would otherwise read back as a
 * number or boolean ({@code '1.34'}).
 */
final class PlanWriter {
    static final String HEADER = """
            # Mast cluster plan. Check it with: mast validate --plan <this file>
            """;

    private PlanWriter() {
    }

    static String toYaml(Plan plan) {
        var out = new StringWriter();
        out.write(HEADER);
        yaml().serialize(root(plan), out);
        return out.toString();
    }

    private static Yaml yaml() {
        var options = new DumperOptions();
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(options);
    }

    private static Node root(Plan plan) {
        var nodes = new ArrayList<Node>();
        plan.nodes().forEach(node -> nodes.add(node(node, plan.ssh())));
        var entries = new ArrayList<NodeTuple>();
        entries.add(entry("cluster", cluster(plan)));
        if (!ssh(plan.ssh()).isEmpty()) {
            entries.add(entry("ssh", new MappingNode(Tag.MAP, ssh(plan.ssh()), FlowStyle.BLOCK)));
        }
        if (!plan.sources().equals(Sources.DEFAULT)) {
            entries.add(entry("sources", sources(plan.sources())));
        }
        entries.add(entry("nodes", new SequenceNode(Tag.SEQ, nodes, FlowStyle.BLOCK)));
        return new MappingNode(Tag.MAP, entries, FlowStyle.BLOCK);
    }

    /** The sources that differ from upstream's, in the documented order. */
    private static Node sources(Sources sources) {
        var entries = new ArrayList<NodeTuple>();
        entries.add(entry("kubernetes", text(sources.kubernetes().key())));
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        urls.put("packageRepository", sources.packageRepository());
        urls.put("packageKey", sources.packageKey());
        urls.put("binaries", sources.binaries());
        urls.put("githubReleases", sources.githubReleases());
        urls.put("imageRegistry", sources.imageRegistry());
        urls.forEach((key, url) -> {
            if (!url.isEmpty()) {
                entries.add(entry(key, text(url)));
            }
        });
        entries.add(entry("etcd", text(sources.etcd().key())));
        return new MappingNode(Tag.MAP, entries, FlowStyle.BLOCK);
    }

    private static Node cluster(Plan plan) {
        var entries = new ArrayList<>(List.of(
                entry("name", text(plan.name())),
                entry("kubernetesVersion", text(plan.kubernetesVersion())),
                entry("containerRuntime", text(plan.runtime().key())),
                entry("podCidr", text(plan.podCidr())),
                entry("serviceCidr", text(plan.serviceCidr())),
                entry("dnsDomain", text(plan.dnsDomain())),
                entry("apiServerPort", number(plan.apiServerPort()))));
        if (!plan.controlPlaneEndpoint().isEmpty()) {
            entries.add(entry("controlPlaneEndpoint", text(plan.controlPlaneEndpoint())));
        }
        if (!plan.extraFlags().isEmpty()) {
            var components = new ArrayList<NodeTuple>();
            // EnumMap iteration: components always in the order of Component.
            plan.extraFlags().forEach((component, flags) -> components.add(entry(component.key(), flags(flags))));
            entries.add(entry("extraFlags", new MappingNode(Tag.MAP, components, FlowStyle.BLOCK)));
        }
        entries.addAll(addOnsAndNames(plan));
        return new MappingNode(Tag.MAP, entries, FlowStyle.BLOCK);
    }

    /** The settings a plan leaves out while they have their defaults. */
    private static List<NodeTuple> addOnsAndNames(Plan plan) {
        var entries = new ArrayList<NodeTuple>();
        ClusterDns dns = plan.clusterDns();
        if (!dns.equals(ClusterDns.DEFAULT)) {
            var fields = new ArrayList<NodeTuple>();
            if (!dns.serviceIp().isEmpty()) {
                fields.add(entry("serviceIp", text(dns.serviceIp())));
            }
            fields.add(entry("coreDns", new ScalarNode(Tag.BOOL, Boolean.toString(dns.coreDns()), null, null, ScalarStyle.PLAIN)));
            fields.add(entry("replicas", number(dns.replicas())));
            entries.add(entry("clusterDns", new MappingNode(Tag.MAP, fields, FlowStyle.BLOCK)));
        }
        if (plan.podNetwork() != PodNetwork.FLANNEL) {
            entries.add(entry("podNetwork", text(plan.podNetwork().key())));
        }
        if (!plan.apiServerCert().extraSans().isEmpty()) {
            var names = new ArrayList<Node>();
            plan.apiServerCert().extraSans().forEach(name -> names.add(text(name)));
            entries.add(entry("apiServerCertSans", new SequenceNode(Tag.SEQ, names, FlowStyle.FLOW)));
        }
        return entries;
    }

    private static Node flags(Map<String, String> flags) {
        var entries = new ArrayList<NodeTuple>();
        flags.forEach((name, value) -> entries.add(entry(name, text(value))));
        return new MappingNode(Tag.MAP, entries, FlowStyle.BLOCK);
    }

    private static Node node(dev.mast.plan.Node node, SshSettings planSsh) {
        var roles = new ArrayList<Node>();
        node.sortedRoles().forEach(role -> roles.add(text(role.key())));
        var entries = new ArrayList<>(List.of(
                entry("hostName", text(node.hostName())),
                entry("ip", text(node.ip())),
                entry("internalIp", text(node.internalIp())),
                entry("roles", new SequenceNode(Tag.SEQ, roles, FlowStyle.FLOW))));
        // Only what the node says beside the plan's settings; what neither says comes from ~/.ssh/config.
        List<NodeTuple> own = ssh(node.ssh().without(planSsh));
        if (!own.isEmpty()) {
            entries.add(entry("ssh", new MappingNode(Tag.MAP, own, FlowStyle.FLOW)));
        }
        return new MappingNode(Tag.MAP, entries, FlowStyle.BLOCK);
    }

    /** The settings that are set, in the documented order. */
    private static List<NodeTuple> ssh(SshSettings ssh) {
        var entries = new ArrayList<NodeTuple>();
        if (!ssh.user().isEmpty()) {
            entries.add(entry("user", text(ssh.user())));
        }
        if (ssh.port() != 0) {
            entries.add(entry("port", number(ssh.port())));
        }
        if (!ssh.keyFile().isEmpty()) {
            entries.add(entry("keyFile", text(ssh.keyFile())));
        }
        if (!ssh.jump().isEmpty()) {
            entries.add(entry("jump", text(ssh.jump())));
        }
        return entries;
    }

    private static NodeTuple entry(String key, Node value) {
        return new NodeTuple(text(key), value);
    }

    private static ScalarNode text(String value) {
        return new ScalarNode(Tag.STR, value, null, null, ScalarStyle.PLAIN);
    }

    private static ScalarNode number(int value) {
        return new ScalarNode(Tag.INT, Integer.toString(value), null, null, ScalarStyle.PLAIN);
    }
}
