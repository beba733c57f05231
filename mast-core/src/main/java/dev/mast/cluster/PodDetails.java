package dev.mast.cluster;

import java.time.Instant;
import java.util.List;

/**
 * What {@code kubectl describe pod} shows that the list does not: conditions, each container's
 * state and last termination, and the pod's recent events.
 */
public record PodDetails(PodRow row, String phase, String podIp, String qosClass, Instant started,
                         List<Condition> conditions, List<ContainerInfo> containers, List<EventInfo> events) {

    public PodDetails {
        conditions = List.copyOf(conditions);
        containers = List.copyOf(containers);
        events = List.copyOf(events);
    }

    /** One of the pod's conditions ({@code Ready True}, {@code ContainersReady False ...}). */
    public record Condition(String type, String status, String reason, String message, Instant lastTransition) {
    }

    /**
     * One container as describe shows it.
     *
     * @param state           {@code Running}, {@code Waiting}, {@code Terminated}
     * @param stateReason     e.g. {@code CrashLoopBackOff}, {@code Error}; empty when none
     * @param stateDetail     e.g. {@code started 2024-06-10T12:00:00Z}, {@code exit code 1}, the waiting message
     * @param lastTermination the last termination, e.g. {@code Error (exit code 1) at 2024-06-10T12:00:00Z}; empty when none
     */
    public record ContainerInfo(String name, boolean init, String image, boolean ready, int restarts, String state,
                                String stateReason, String stateDetail, String lastTermination) {
    }

    /**
     * One event about the pod, newest last.
     *
     * @param type  {@code Normal} or {@code Warning}
     * @param count how many times it happened
     * @param from  the component that reported it, e.g. {@code kubelet}
     */
    public record EventInfo(String type, String reason, String message, int count, Instant firstSeen, Instant lastSeen,
                            String from) {
        public boolean warning() {
            return "Warning".equals(type);
        }
    }
}
