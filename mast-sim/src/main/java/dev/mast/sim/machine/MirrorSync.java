package dev.mast.sim.machine;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps the API's mirror pods (and the Node) in step with what the kubelet runs. The kubelet
 * sets the desired state under the machine lock; {@link #sync} talks to the API outside it,
 * and only when something changed since the last successful post.
 */
final class MirrorSync {
    private Map<String, Pod> desired = Map.of();
    private Map<String, String> fingerprints = Map.of();
    private Node desiredNode;
    private String desiredNodeJson;
    private final Map<String, String> posted = new HashMap<>();
    /** The {@code kubernetes.io/config.mirror} hash of each pod as posted: which pod it is, apart from its status. */
    private final Map<String, String> postedMirrors = new HashMap<>();
    private String postedNode;
    /** The resourceVersion the API gave each pod at its last post. */
    private final Map<String, String> versions = new HashMap<>();

    /**
     * @param signatures for each pod, a text that changes whenever the pod does (the kubelet's own view of its
     *                   state), so telling what to post again needs no serialising of every pod
     */
    synchronized void setDesired(Map<String, Pod> pods, Map<String, String> signatures, Node node) {
        desired = new LinkedHashMap<>(pods);
        fingerprints = new HashMap<>(signatures);
        desiredNode = node;
        desiredNodeJson = node == null ? null : Serialization.asJson(node);
    }

    synchronized boolean isDirty() {
        if (desiredNodeJson != null && !desiredNodeJson.equals(postedNode)) {
            return true;
        }
        return !posted.equals(fingerprints);
    }

    /** Posts what changed; errors are logged through {@code log} and retried at the next sync. */
    synchronized void sync(java.util.function.Supplier<Optional<KubernetesClient>> apiSupplier, Consumer<String> log) {
        if (!isDirty()) {
            return;
        }
        Optional<KubernetesClient> api = apiSupplier.get();
        if (api.isEmpty()) {
            return;
        }
        KubernetesClient client = api.get();
        try {
            syncNode(client);
            for (Map.Entry<String, Pod> entry : desired.entrySet()) {
                String fingerprint = fingerprints.get(entry.getKey());
                if (!fingerprint.equals(posted.get(entry.getKey()))) {
                    post(client, entry.getKey(), entry.getValue());
                    posted.put(entry.getKey(), fingerprint);
                    postedMirrors.put(entry.getKey(), entry.getValue().getMetadata().getAnnotations().get("kubernetes.io/config.mirror"));
                }
            }
            for (String name : List.copyOf(posted.keySet())) {
                if (!desired.containsKey(name)) {
                    String namespace = name.substring(0, name.indexOf('/'));
                    client.pods().inNamespace(namespace).withName(name.substring(name.indexOf('/') + 1)).delete();
                    posted.remove(name);
                    postedMirrors.remove(name);
                    versions.remove(name);
                }
            }
        } catch (KubernetesClientException e) {
            log.accept("\"Failed to update mirror pods\" err=\"" + e.getMessage().replace("\"", "'") + "\"");
        }
    }

    private void syncNode(KubernetesClient client) {
        if (desiredNode == null) {
            return;
        }
        String json = desiredNodeJson;
        if (json.equals(postedNode)) {
            return;
        }
        desiredNode.getMetadata().setResourceVersion(null);
        if (postedNode == null) {
            // A kubelet that never posted its Node registers it; one that is already there (a restart) is updated.
            try {
                client.nodes().resource(desiredNode).create();
                postedNode = json;
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
        client.nodes().resource(desiredNode).updateStatus();
        postedNode = json;
    }

    private void post(KubernetesClient client, String key, Pod pod) {
        var pods = client.pods().inNamespace(pod.getMetadata().getNamespace());
        String mirror = pod.getMetadata().getAnnotations().get("kubernetes.io/config.mirror");
        if (posted.containsKey(key) && mirror.equals(postedMirrors.get(key))) {
            // The same pod as posted before: its status changed, nothing else. With the version the API gave last
            // time, the client need not read the pod back first; a stale version (409) falls back to reading it.
            pod.getMetadata().setResourceVersion(versions.get(key));
            try {
                remember(key, pods.resource(pod).updateStatus());
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 409) {
                    pod.getMetadata().setResourceVersion(null);
                    remember(key, pods.resource(pod).updateStatus());
                    return;
                }
                if (e.getCode() != 404) {
                    throw e;
                }
            } finally {
                pod.getMetadata().setResourceVersion(null);
            }
        }
        if (!posted.containsKey(key)) {
            // A pod this kubelet never posted is usually new to the API too: create it, and look only on a conflict.
            try {
                remember(key, pods.resource(pod).create());
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
        Pod existing = pods.withName(pod.getMetadata().getName()).get();
        if (existing != null && !mirror.equals(existing.getMetadata().getAnnotations() == null ? null
                        : existing.getMetadata().getAnnotations().get("kubernetes.io/config.mirror"))) {
            // A new manifest is a new pod: the kubelet deletes the old mirror pod and creates another.
            pods.withName(pod.getMetadata().getName()).delete();
            existing = null;
        }
        if (existing == null) {
            remember(key, pods.resource(pod).create());
        } else {
            remember(key, pods.resource(pod).updateStatus());
        }
    }

    private void remember(String key, Pod stored) {
        versions.put(key, stored == null ? null : stored.getMetadata().getResourceVersion());
    }

}
