package dev.mast.cluster.runtime;

import java.time.Instant;

/**
 * A container as the node's runtime lists it, with the kubelet's labels read back.
 *
 * @param id      the full container ID
 * @param name    the container's name in its pod, e.g. {@code kube-apiserver}
 * @param attempt how many times the kubelet restarted it before this instance (0 for the first)
 * @param created when this instance was created, or null when the runtime did not say
 * @param status  the runtime's own words, e.g. {@code Exited (1) 3 minutes ago} or {@code CONTAINER_RUNNING}
 */
public record RuntimeContainer(String id, String name, String podName, String namespace, State state, int attempt,
                               Instant created, String status) {

    /** The runtime's container state, reduced to what the viewer needs. */
    public enum State { RUNNING, CREATED, EXITED, UNKNOWN }

    /** The ID as both tools print it by default (12 characters for Docker, 13 for crictl; 12 here). */
    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
