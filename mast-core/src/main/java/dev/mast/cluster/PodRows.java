package dev.mast.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a fabric8 {@link Pod} into a {@link PodRow} the way kubectl's {@code printPod} does, so
 * READY, STATUS and RESTARTS read exactly as in {@code kubectl get pods}: the first failing init
 * container wins ({@code Init:CrashLoopBackOff}, {@code Init:1/2}), then the last container
 * with a waiting or terminated reason, then {@code Terminating} for a pod being deleted.
 */
public final class PodRows {
    /** The annotation the kubelet puts on the API's copy (the mirror pod) of a static pod. */
    public static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

    private PodRows() {
    }

    public static PodRow of(Pod pod) {
        var meta = pod.getMetadata();
        PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        Tally tally = new Tally(spec, status, meta.getDeletionTimestamp() != null);
        String node = spec.getNodeName() == null ? "" : spec.getNodeName();
        boolean mirror = meta.getAnnotations() != null && meta.getAnnotations().containsKey(MIRROR_ANNOTATION);
        return new PodRow(meta.getNamespace() == null ? "" : meta.getNamespace(), meta.getName(),
                tally.ready + "/" + tally.total, tally.reason, tally.restarts, tally.lastRestart,
                time(meta.getCreationTimestamp()), node, mirror,
                names(spec.getContainers()), names(spec.getInitContainers()), "");
    }

    private static List<String> names(List<Container> containers) {
        String[] names = new String[containers.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = containers.get(i).getName();
        }
        return List.of(names);
    }

    /**
     * An API timestamp ({@code 2024-06-10T12:00:00Z}) as an instant. The API's own form is read
     * digit by digit: {@link Instant#parse} costs more than the rest of a row, and a 10,000-pod
     * list has tens of thousands of timestamps.
     */
    static Instant time(String timestamp) {
        if (timestamp == null || timestamp.isEmpty()) {
            return null;
        }
        if (timestamp.length() == 20 && timestamp.charAt(4) == '-' && timestamp.charAt(7) == '-'
                && timestamp.charAt(10) == 'T' && timestamp.charAt(13) == ':' && timestamp.charAt(16) == ':'
                && timestamp.charAt(19) == 'Z') {
            int year = digits(timestamp, 0, 4);
            int month = digits(timestamp, 5, 7);
            int day = digits(timestamp, 8, 10);
            int hour = digits(timestamp, 11, 13);
            int minute = digits(timestamp, 14, 16);
            int second = digits(timestamp, 17, 19);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24
                    && minute >= 0 && minute < 60 && second >= 0 && second < 61) {
                try {
                    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The number written in text[from, to), or -1 if a character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** kubectl's walk over the container statuses, kept in one place. */
    private static final class Tally {
        int ready;
        int total;
        int restarts;
        Instant lastRestart;
        String reason;

        private int sidecarRestarts;
        private Instant sidecarLastRestart;

        Tally(PodSpec spec, PodStatus status, boolean deleting) {
            String phase = status.getPhase() == null ? "" : status.getPhase();
            reason = status.getReason() != null && !status.getReason().isEmpty() ? status.getReason() : phase;
            for (PodCondition condition : status.getConditions()) {
                if ("PodScheduled".equals(condition.getType()) && "SchedulingGated".equals(condition.getReason())) {
                    reason = "SchedulingGated";
                }
            }
            total = spec.getContainers().size();
            Map<String, Container> inits = new HashMap<>();
            for (Container init : spec.getInitContainers()) {
                inits.put(init.getName(), init);
                if (restartable(init)) {
                    total++;
                }
            }
            boolean initializing = initContainers(spec, status, inits);
            if (!initializing || initializedConditionTrue(status)) {
                containers(status);
            }
            if (deleting && "NodeLost".equals(status.getReason())) {
                reason = "Unknown";
            } else if (deleting && !phase.equals("Succeeded") && !phase.equals("Failed")) {
                reason = "Terminating";
            }
        }

        private boolean initContainers(PodSpec spec, PodStatus status, Map<String, Container> inits) {
            List<ContainerStatus> statuses = status.getInitContainerStatuses();
            for (int i = 0; i < statuses.size(); i++) {
                ContainerStatus container = statuses.get(i);
                restarts += count(container.getRestartCount());
                Instant finished = lastTermination(container);
                lastRestart = later(lastRestart, finished);
                boolean sidecar = restartable(inits.get(container.getName()));
                if (sidecar) {
                    sidecarRestarts += count(container.getRestartCount());
                    sidecarLastRestart = later(sidecarLastRestart, finished);
                }
                var state = container.getState();
                var terminated = state == null ? null : state.getTerminated();
                var waiting = state == null ? null : state.getWaiting();
                if (terminated != null && count(terminated.getExitCode()) == 0) {
                    continue;
                }
                if (sidecar && Boolean.TRUE.equals(container.getStarted())) {
                    if (Boolean.TRUE.equals(container.getReady())) {
                        ready++;
                    }
                    continue;
                }
                if (terminated != null) {
                    if (empty(terminated.getReason())) {
                        reason = count(terminated.getSignal()) != 0 ? "Init:Signal:" + terminated.getSignal()
                                : "Init:ExitCode:" + count(terminated.getExitCode());
                    } else {
                        reason = "Init:" + terminated.getReason();
                    }
                } else if (waiting != null && !empty(waiting.getReason())
                        && !waiting.getReason().equals("PodInitializing")) {
                    reason = "Init:" + waiting.getReason();
                } else {
                    reason = "Init:" + i + "/" + spec.getInitContainers().size();
                }
                return true;
            }
            return false;
        }

        private void containers(PodStatus status) {
            restarts = sidecarRestarts;
            lastRestart = sidecarLastRestart;
            boolean hasRunning = false;
            List<ContainerStatus> statuses = status.getContainerStatuses();
            for (int i = statuses.size() - 1; i >= 0; i--) {
                ContainerStatus container = statuses.get(i);
                restarts += count(container.getRestartCount());
                lastRestart = later(lastRestart, lastTermination(container));
                var state = container.getState();
                var waiting = state == null ? null : state.getWaiting();
                var terminated = state == null ? null : state.getTerminated();
                if (waiting != null && !empty(waiting.getReason())) {
                    reason = waiting.getReason();
                } else if (terminated != null && !empty(terminated.getReason())) {
                    reason = terminated.getReason();
                } else if (terminated != null) {
                    reason = count(terminated.getSignal()) != 0 ? "Signal:" + terminated.getSignal()
                            : "ExitCode:" + count(terminated.getExitCode());
                } else if (Boolean.TRUE.equals(container.getReady()) && state != null && state.getRunning() != null) {
                    hasRunning = true;
                    ready++;
                }
            }
            if (reason.equals("Completed") && hasRunning) {
                reason = readyCondition(status) ? "Running" : "NotReady";
            }
        }
    }

    private static boolean restartable(Container init) {
        return init != null && "Always".equals(init.getRestartPolicy());
    }

    private static boolean initializedConditionTrue(PodStatus status) {
        return status.getConditions().stream()
                .anyMatch(c -> "Initialized".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static boolean readyCondition(PodStatus status) {
        return status.getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()));
    }

    private static Instant lastTermination(ContainerStatus container) {
        var last = container.getLastState();
        if (last == null || last.getTerminated() == null) {
            return null;
        }
        return time(last.getTerminated().getFinishedAt());
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b != null && b.isAfter(a) ? b : a;
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }

    private static boolean empty(String text) {
        return text == null || text.isEmpty();
    }
}
