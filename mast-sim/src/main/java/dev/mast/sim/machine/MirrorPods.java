package dev.mast.sim.machine;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the mirror pod the kubelet posts for a static pod: the manifest's spec on this node, and its live status. */
final class MirrorPods {
    private MirrorPods() {
    }

    static Pod build(StaticPod pod, String hostIp) {
        Pod manifest = pod.manifest.pod();
        Map<String, String> annotations = new LinkedHashMap<>();
        if (manifest.getMetadata().getAnnotations() != null) {
            annotations.putAll(manifest.getMetadata().getAnnotations());
        }
        annotations.put("kubernetes.io/config.hash", pod.manifest.hash());
        annotations.put("kubernetes.io/config.mirror", pod.manifest.hash());
        annotations.put("kubernetes.io/config.seen", time(pod.seen));
        annotations.put("kubernetes.io/config.source", "file");
        List<ContainerStatus> statuses = new ArrayList<>();
        boolean anyStarted = false;
        Instant started = pod.seen;
        for (StaticPod.Slot slot : pod.slots.values()) {
            statuses.add(status(pod, slot));
            anyStarted |= slot.current != null;
        }
        boolean ready = pod.allReady();
        String now = time(started);
        return new PodBuilder(manifest)
                .editMetadata()
                    .withName(pod.fullName())
                    .withNamespace(pod.namespace())
                    .withAnnotations(annotations)
                    .withUid(null)
                    .withResourceVersion(null)
                .endMetadata()
                .editSpec().withNodeName(pod.nodeName).endSpec()
                .withNewStatus()
                    .withPhase(anyStarted ? "Running" : "Pending")
                    .withConditions(condition("PodReadyToStartContainers", pod.sandbox != null, now),
                            condition("Initialized", true, now), condition("Ready", ready, now),
                            condition("ContainersReady", ready, now), condition("PodScheduled", true, now))
                    .withHostIP(hostIp)
                    .withPodIP(pod.hostNetwork() ? hostIp : null)
                    .withStartTime(now)
                    .withQosClass("Burstable")
                    .withContainerStatuses(statuses)
                .endStatus()
                .build();
    }

    private static PodCondition condition(String type, boolean value, String time) {
        return new PodConditionBuilder().withType(type).withStatus(value ? "True" : "False").withLastTransitionTime(time).build();
    }

    private static ContainerStatus status(StaticPod pod, StaticPod.Slot slot) {
        ContainerStatusBuilder status = new ContainerStatusBuilder()
                .withName(slot.spec.getName())
                .withImage(slot.spec.getImage())
                .withRestartCount(slot.restartCount);
        Container current = slot.current;
        if (current != null) {
            status.withImageID(current.image().repository() + "@" + current.image().digest())
                    .withContainerID(pod.store.backend().idPrefix() + "://" + current.id());
        } else {
            status.withImageID("");
        }
        if (current != null && slot.waitingReason == null && current.state() == Container.State.RUNNING) {
            status.withState(new ContainerStateBuilder().withNewRunning().withStartedAt(time(current.createdAt())).endRunning().build())
                    .withReady(current.process().state() == Process.State.RUNNING)
                    .withStarted(true);
        } else {
            status.withState(new ContainerStateBuilder().withNewWaiting().withReason(slot.waitingReason)
                            .withMessage(slot.waitingMessage.isEmpty() ? null : slot.waitingMessage).endWaiting().build())
                    .withReady(false).withStarted(false);
        }
        Container terminated = current != null && current.state() == Container.State.EXITED ? current : slot.previous;
        if (terminated != null && terminated.state() == Container.State.EXITED) {
            status.withLastState(terminatedState(pod, terminated));
        }
        return status.build();
    }

    private static ContainerState terminatedState(StaticPod pod, Container container) {
        Process process = container.process();
        return new ContainerStateBuilder().withNewTerminated()
                .withExitCode(process.exitCode())
                .withReason(process.exitCode() == 0 ? "Completed" : "Error")
                .withStartedAt(time(container.createdAt()))
                .withFinishedAt(time(process.exitedAt()))
                .withContainerID(pod.store.backend().idPrefix() + "://" + container.id())
                .endTerminated().build();
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
