package dev.mast.manifest;

import dev.mast.plan.Component;
import dev.mast.files.NodeFile;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One component's static pod manifest for one node, as written to the node.
 *
 * @param hostName the node's name; the kubelet appends it to the pod's name for the mirror pod
 * @param flags    the component's final flags (managed, extra and carried-over merged), sorted by name
 * @param yaml     the exact text of the manifest file
 */
public record StaticPodManifest(Component component, String hostName, Map<String, String> flags, String yaml) {

    public StaticPodManifest {
        flags = Collections.unmodifiableMap(new TreeMap<>(flags));
    }

    /** Where the kubelet picks it up, e.g. {@code /etc/kubernetes/manifests/kube-apiserver.yaml}. */
    public String path() {
        return KubePaths.manifest(component.key());
    }

    /**
     * The name of the mirror pod the kubelet creates in {@code kube-system}: the pod's name, a dash,
     * and the node name, which the kubelet lowercases ({@code kube-apiserver-node001}).
     */
    public String mirrorPodName() {
        return mirrorPodName(component, hostName);
    }

    public static String mirrorPodName(Component component, String hostName) {
        return component.key() + "-" + hostName.toLowerCase(Locale.ROOT);
    }

    /** A fresh copy of the pod, parsed back from the text, so callers cannot change this manifest. */
    public Pod pod() {
        return Serialization.unmarshal(yaml, Pod.class);
    }

    public NodeFile toNodeFile() {
        return NodeFile.text(path(), yaml, NodeFile.PUBLIC);
    }
}
