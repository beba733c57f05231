package dev.mast.sim.machine;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * A static pod manifest as the kubelet read it.
 *
 * @param hash the kubelet's config hash (of the file and the node name): the pod's UID
 */
record Manifest(String path, Pod pod, String hash) { }
