package dev.mast.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node groups of a Kismatic plan ({@code etcd}, {@code master}, {@code worker},
 * {@code ingress}, {@code storage}) as Mast nodes. Kismatic lists a machine once per group it
 * belongs to; Mast lists it once with several roles, so entries are merged by host name, and a
 * host whose addresses differ between groups is an error rather than a guess. A storage node ran
 * a kubelet and kube-proxy like a worker, so it becomes one (its GlusterFS is not Mast's). A node
 * without a host name or address, or with a template placeholder, is an error at its line.
 */
final class KismaticNodes {
    static final Map<String, Role> GROUPS = groups();

    /** One machine as collected so far, and where its addresses were first given. */
    private static final class Host {
        final String name;
        String ip = "";
        String ipPath;
        String internalIp = "";
        String internalIpPath;
        final Set<Role> roles = EnumSet.noneOf(Role.class);

        Host(String name) {
            this.name = name;
        }
    }

    private final KismaticTree tree;
    private final List<Host> hosts = new ArrayList<>();
    private final Map<String, Host> byName = new LinkedHashMap<>();

    private KismaticNodes(KismaticTree tree) {
        this.tree = tree;
    }

    static List<Node> read(KismaticTree tree, SshSettings ssh) {
        var nodes = new KismaticNodes(tree);
        GROUPS.forEach(nodes::readGroup);
        return nodes.hosts.stream()
                .map(h -> new Node(h.name, h.ip, h.internalIp.isEmpty() ? h.ip : h.internalIp, h.roles, ssh))
                .toList();
    }

    private static Map<String, Role> groups() {
        var groups = new LinkedHashMap<String, Role>();
        groups.put("etcd", Role.ETCD);
        groups.put("master", Role.MASTER);
        groups.put("worker", Role.WORKER);
        groups.put("ingress", Role.INGRESS);
        groups.put("storage", Role.WORKER);
        return groups;
    }

    private void readGroup(String group, Role role) {
        tree.keys(group); // a group that is not a mapping is reported there
        int count = tree.size(group + ".nodes");
        for (int i = 0; i < count; i++) {
            readNode(group + ".nodes[" + i + "]", role);
        }
        tree.text(group + ".expected_count").ifPresent(expected -> {
            if (!expected.equals(Integer.toString(count))) {
                tree.warn(group + ".expected_count", "is " + SafeText.brief(expected) + " but " + count + " " + group
                        + " nodes are listed; the plan has the " + count + " listed");
            }
        });
    }

    private void readNode(String path, Role role) {
        tree.keys(path);
        String name = tree.text(path + ".host").orElse("");
        String ip = tree.text(path + ".ip").orElse("");
        String internalIp = tree.text(path + ".internalip").orElse("");
        if (tree.isBlank(path + ".host")) {
            tree.fail(path + ".host", "is empty; every node needs its host name, the name its kubelet registers under");
        }
        if (tree.isBlank(path + ".ip")) {
            tree.fail(path + ".ip", "is empty; every node needs the address Mast connects to over SSH");
        }
        if (path.startsWith("storage.")) {
            tree.warn(path, "storage node " + name + ": Mast keeps its kubelet and kube-proxy (role worker); the GlusterFS"
                    + " server Kismatic ran there and its volumes stay as they are and are not Mast's to manage");
        }
        // Entries without a host name cannot be matched with others; each stays its own node.
        Host host = name.isEmpty() ? null : byName.get(name);
        if (host == null) {
            host = new Host(name);
            hosts.add(host);
            if (!name.isEmpty()) {
                byName.put(name, host);
            }
        }
        host.roles.add(role);
        mergeAddress(host, "ip", ip, path + ".ip");
        mergeAddress(host, "internalip", internalIp, path + ".internalip");
    }

    private void mergeAddress(Host host, String field, String value, String path) {
        if (value.isEmpty()) {
            return;
        }
        boolean isIp = field.equals("ip");
        String known = isIp ? host.ip : host.internalIp;
        String knownPath = isIp ? host.ipPath : host.internalIpPath;
        if (known.isEmpty()) {
            if (isIp) {
                host.ip = value;
                host.ipPath = path;
            } else {
                host.internalIp = value;
                host.internalIpPath = path;
            }
        } else if (!known.equals(value)) {
            tree.fail(path, "host " + SafeText.brief(host.name) + " has " + field + " " + SafeText.brief(value) + " here but "
                    + SafeText.brief(known) + " in "
                    + knownPath + tree.location(knownPath).map(l -> " (line " + l.line() + ")").orElse("")
                    + "; a machine has one address, make the groups agree");
        }
    }
}
