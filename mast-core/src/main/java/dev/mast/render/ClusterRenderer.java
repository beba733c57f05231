package dev.mast.render;

import dev.mast.files.NodeFile;
import dev.mast.manifest.ManifestSet;
import dev.mast.pki.ClusterPki;
import dev.mast.pki.PkiStore;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every file of every node: the manifests and kubelet/etcd files from the plan, and the
 * certificates and kubeconfigs from the cluster's PKI folder (created on first use, then
 * reused, so the same plan renders byte-identical files).
 */
public final class ClusterRenderer {
    private ClusterRenderer() {
    }

    /** The PKI folder that goes with a plan file: {@code cluster.yaml} keeps its PKI in {@code cluster-pki/}. */
    public static Path defaultPkiDir(Path planFile) {
        Path absolute = planFile.toAbsolutePath();
        String name = absolute.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return absolute.resolveSibling(name + "-pki");
    }

    public static RenderedCluster render(Plan plan, Path pkiDir) {
        return render(plan, new PkiStore().loadOrCreate(pkiDir, plan));
    }

    public static RenderedCluster render(Plan plan, ClusterPki pki) {
        Map<String, List<NodeFile>> files = new LinkedHashMap<>();
        for (Node node : plan.nodes()) {
            files.put(node.hostName(), filesFor(plan, node, pki));
        }
        return new RenderedCluster(files, pki.superAdminKubeconfig(), pki.adminKubeconfig());
    }

    /**
     * Every non-PKI file of every node, with no kubeconfig: what an upgrade previews, or runs with,
     * when it has no CA of the cluster's to sign with (and so signs nothing).
     */
    public static RenderedCluster withoutPki(Plan plan) {
        Map<String, List<NodeFile>> files = new LinkedHashMap<>();
        for (Node node : plan.nodes()) {
            files.put(node.hostName(), ManifestSet.filesFor(plan, node));
        }
        return new RenderedCluster(files, "", "");
    }

    private static List<NodeFile> filesFor(Plan plan, Node node, ClusterPki pki) {
        List<NodeFile> files = new ArrayList<>(ManifestSet.filesFor(plan, node));
        files.addAll(pki.nodeFiles(node));
        files.sort(Comparator.comparing(NodeFile::path));
        return files;
    }
}
