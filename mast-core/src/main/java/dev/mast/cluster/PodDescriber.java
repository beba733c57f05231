package dev.mast.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a pod and its events from the API into {@link PodDetails}, as {@code kubectl describe pod} does. */
final class PodDescriber {
    private final KubernetesClient client;

    PodDescriber(KubernetesClient client) {
        this.client = client;
    }

    PodDetails describe(String namespace, String name) throws ClusterException {
        String where = "pod " + namespace + "/" + name;
        Pod pod;
        List<Event> events;
        try {
            pod = client.pods().inNamespace(namespace).withName(name).get();
            if (pod == null) {
                throw new ClusterException("reading " + where, "Pod " + namespace + "/" + name + " does not exist (any more).",
                        false, 404, null);
            }
            // The field selector is what kubectl describe uses: only this pod's events, not the namespace's.
            events = client.v1().events().inNamespace(namespace).withField("involvedObject.name", name).list().getItems();
        } catch (KubernetesClientException e) {
            throw ClusterException.of("reading " + where, client.getMasterUrl().toString(), e);
        }
        return details(pod, events);
    }

    static PodDetails details(Pod pod, List<Event> events) {
        var status = pod.getStatus();
        List<PodDetails.Condition> conditions = status == null ? List.of() : status.getConditions().stream()
                .map(c -> new PodDetails.Condition(c.getType(), c.getStatus(), text(c.getReason()), text(c.getMessage()),
                        PodRows.time(c.getLastTransitionTime())))
                .toList();
        List<PodDetails.ContainerInfo> containers = new ArrayList<>();
        if (pod.getSpec() != null) {
            containers.addAll(containers(pod.getSpec().getInitContainers(),
                    status == null ? List.of() : status.getInitContainerStatuses(), true));
            containers.addAll(containers(pod.getSpec().getContainers(),
                    status == null ? List.of() : status.getContainerStatuses(), false));
        }
        List<PodDetails.EventInfo> eventInfos = events.stream()
                .filter(e -> e.getInvolvedObject() == null || pod.getMetadata().getName().equals(e.getInvolvedObject().getName()))
                .map(PodDescriber::event)
                .sorted(Comparator.comparing(PodDescriber::when, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return new PodDetails(PodRows.of(pod), status == null ? "" : text(status.getPhase()),
                status == null ? "" : text(status.getPodIP()), status == null ? "" : text(status.getQosClass()),
                status == null ? null : PodRows.time(status.getStartTime()), conditions, containers, eventInfos);
    }

    private static Instant when(PodDetails.EventInfo event) {
        return event.lastSeen() != null ? event.lastSeen() : event.firstSeen();
    }

    private static List<PodDetails.ContainerInfo> containers(List<Container> specs, List<ContainerStatus> statuses,
                                                             boolean init) {
        Map<String, ContainerStatus> byName = statuses.stream()
                .collect(Collectors.toMap(ContainerStatus::getName, Function.identity(), (a, b) -> a));
        List<PodDetails.ContainerInfo> result = new ArrayList<>();
        for (Container spec : specs) {
            ContainerStatus status = byName.get(spec.getName());
            if (status == null) {
                result.add(new PodDetails.ContainerInfo(spec.getName(), init, text(spec.getImage()), false, 0,
                        "Waiting", "", "no status reported yet", ""));
                continue;
            }
            ContainerState state = status.getState() == null ? new ContainerState() : status.getState();
            String kind;
            String reason;
            String detail;
            if (state.getRunning() != null) {
                kind = "Running";
                reason = "";
                detail = "started " + text(state.getRunning().getStartedAt());
            } else if (state.getTerminated() != null) {
                kind = "Terminated";
                reason = text(state.getTerminated().getReason());
                detail = termination(state.getTerminated());
            } else if (state.getWaiting() != null) {
                kind = "Waiting";
                reason = text(state.getWaiting().getReason());
                detail = text(state.getWaiting().getMessage());
            } else {
                kind = "Waiting";
                reason = "";
                detail = "";
            }
            var last = status.getLastState() == null ? null : status.getLastState().getTerminated();
            String lastText = last == null ? "" : (text(last.getReason()).isEmpty() ? "Terminated" : last.getReason())
                    + " (" + termination(last) + ")";
            result.add(new PodDetails.ContainerInfo(spec.getName(), init, text(status.getImage()).isEmpty()
                    ? text(spec.getImage()) : status.getImage(), Boolean.TRUE.equals(status.getReady()),
                    status.getRestartCount() == null ? 0 : status.getRestartCount(), kind, reason, detail, lastText));
        }
        return result;
    }

    private static String termination(ContainerStateTerminated terminated) {
        StringBuilder text = new StringBuilder("exit code ").append(terminated.getExitCode() == null ? "?" : terminated.getExitCode());
        if (terminated.getSignal() != null && terminated.getSignal() != 0) {
            text.append(", signal ").append(terminated.getSignal());
        }
        if (terminated.getFinishedAt() != null) {
            text.append(", finished ").append(terminated.getFinishedAt());
        }
        if (terminated.getMessage() != null && !terminated.getMessage().isBlank()) {
            text.append(": ").append(terminated.getMessage().strip());
        }
        return text.toString();
    }

    private static PodDetails.EventInfo event(Event event) {
        Instant first = PodRows.time(event.getFirstTimestamp());
        Instant last = PodRows.time(event.getLastTimestamp());
        if (last == null && event.getEventTime() != null) {
            last = PodRows.time(event.getEventTime().getTime());
        }
        if (first == null) {
            first = last != null ? last : PodRows.time(event.getMetadata().getCreationTimestamp());
        }
        String from = event.getSource() != null && event.getSource().getComponent() != null
                ? event.getSource().getComponent() : text(event.getReportingComponent());
        return new PodDetails.EventInfo(text(event.getType()), text(event.getReason()), text(event.getMessage()).strip(),
                event.getCount() == null ? 1 : event.getCount(), first, last, from);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
