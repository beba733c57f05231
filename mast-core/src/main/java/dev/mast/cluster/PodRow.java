package dev.mast.cluster;

import java.time.Instant;
import java.util.List;

/**
 * One line of the pod list, as {@code kubectl get pods -o wide} shows it. Immutable; times are
 * kept as instants so AGE and "(5m ago)" can be printed for any moment.
 *
 * @param ready          ready containers of all, e.g. {@code 1/1}
 * @param status         kubectl's STATUS: {@code Running}, {@code CrashLoopBackOff}, {@code Init:1/2}, ...
 * @param lastRestart    when a container last terminated (for "(5m ago)"), or null
 * @param created        the pod's creation time, or null when unknown
 * @param node           the node it runs on, empty while unscheduled
 * @param staticPod      a mirror pod of a static pod (annotation {@code kubernetes.io/config.mirror})
 * @param containers     the names of its containers, in spec order
 * @param initContainers the names of its init containers, in spec order
 * @param viaRuntime     empty for rows from the API; otherwise where the row was seen, e.g.
 *                       {@code containerd on node001}, when the API server is unreachable
 */
public record PodRow(String namespace, String name, String ready, String status, int restarts, Instant lastRestart,
                     Instant created, String node, boolean staticPod, List<String> containers,
                     List<String> initContainers, String viaRuntime) {

    public PodRow {
        node = node == null ? "" : node;
        containers = List.copyOf(containers);
        initContainers = List.copyOf(initContainers);
        viaRuntime = viaRuntime == null ? "" : viaRuntime;
    }

    public PodKey key() {
        return new PodKey(namespace, name);
    }

    /** RESTARTS as kubectl prints it: {@code 0}, or {@code 5 (3m ago)} after a restart. */
    public String restartsText(Instant now) {
        if (restarts != 0 && lastRestart != null) {
            return restarts + " (" + HumanDuration.since(lastRestart, now) + " ago)";
        }
        return Integer.toString(restarts);
    }

    public String age(Instant now) {
        return HumanDuration.since(created, now);
    }

    public StatusKind statusKind() {
        return StatusKind.of(status, ready);
    }

    /** True when the row comes from a node's container runtime rather than the API. */
    public boolean fromRuntime() {
        return !viaRuntime.isEmpty();
    }

    /** Every container name, init containers first, as {@code kubectl logs -c} accepts them. */
    public List<String> allContainers() {
        if (initContainers.isEmpty()) {
            return containers;
        }
        return java.util.stream.Stream.concat(initContainers.stream(), containers.stream()).toList();
    }
}
