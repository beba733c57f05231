package dev.mast.workflow.legacy;

import dev.mast.manifest.KubePaths;
import dev.mast.pki.PkiPaths;
import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.files.NodeFile;
import dev.mast.render.RenderedCluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every file the conversion writes on a node, as the preview shows them: the static pod manifests
 * of the services it converts (their own flags and files), and, on a master with no kubelet, what
 * the install gives it (the kubelet's files, its kubeconfigs signed by the cluster's CA, that CA).
 * Nothing else of Mast's layout: the cluster keeps its own PKI, kubeconfigs and etcd.
 */
public final class UpgradeFiles {
    private static final String[] NEW_KUBELET = {"/var/lib/kubelet/", KubePaths.KUBELET_UNIT, PkiPaths.KUBELET_CONF,
            PkiPaths.KUBE_PROXY_CONF, PkiPaths.CA_CERT};

    private UpgradeFiles() {
    }

    public static List<NodeFile> forNode(Plan plan, Node node, LegacyNode facts, RenderedCluster rendered) {
        List<NodeFile> files = new ArrayList<>();
        for (Component component : node.staticPods()) {
            if (facts.service(component).isPresent() || component == Component.KUBE_PROXY && !facts.hasKubelet()) {
                files.add(ConversionManifests.render(plan, node, facts, component).manifest().toNodeFile());
            }
        }
        if (node.has(Role.MASTER) && !facts.hasKubelet()) {
            files.addAll(rendered.filesFor(node.hostName(), NEW_KUBELET));
        }
        files.sort(Comparator.comparing(NodeFile::path));
        return files;
    }

    /** The whole cluster's, for the nodes that were read; a node not read keeps no file. */
    public static RenderedCluster forCluster(Plan plan, RenderedCluster rendered, Map<String, LegacyNode> read) {
        Map<String, List<NodeFile>> files = new LinkedHashMap<>();
        for (Node node : plan.nodes()) {
            LegacyNode facts = read.get(node.hostName());
            files.put(node.hostName(), facts == null ? List.of() : forNode(plan, node, facts, rendered));
        }
        return new RenderedCluster(files, rendered.superAdminKubeconfig(), rendered.adminKubeconfig());
    }
}
