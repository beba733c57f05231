package dev.mast.sim.machine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kubelet's worker for one static pod: a sandbox and one slot per container, started
 * once its image is present, restarted with back-off when it exits. A changed manifest makes
 * a new StaticPod (with a new UID); the old one is killed.
 */
final class StaticPod {
    /** One container of the pod over its restarts. */
    static final class Slot {
        final io.fabric8.kubernetes.api.model.Container spec;
        Container current;
        Container previous;
        int restartCount;
        Instant nextAttemptAt = Instant.MIN;
        String waitingReason = "ContainerCreating";
        String waitingMessage = "";
        int pullAttempts;

        Slot(io.fabric8.kubernetes.api.model.Container spec) {
            this.spec = spec;
        }
    }

    final Manifest manifest;
    final String nodeName;
    final Map<String, Slot> slots = new LinkedHashMap<>();
    Containers store;
    Sandbox sandbox;
    final Instant seen;

    StaticPod(Manifest manifest, String nodeName, Instant seen) {
        this.manifest = manifest;
        this.nodeName = nodeName;
        this.seen = seen;
        for (io.fabric8.kubernetes.api.model.Container container : manifest.pod().getSpec().getContainers()) {
            slots.put(container.getName(), new Slot(container));
        }
    }

    String fullName() {
        return manifest.pod().getMetadata().getName() + "-" + nodeName;
    }

    String namespace() {
        String namespace = manifest.pod().getMetadata().getNamespace();
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }

    boolean hostNetwork() {
        return Boolean.TRUE.equals(manifest.pod().getSpec().getHostNetwork());
    }

    /** Brings the pod towards running: sandbox, then each container whose image is there and whose back-off is over. */
    void sync(Machine machine, Containers runtime, Instant now, Process kubelet) {
        if (store == null) {
            store = runtime;
        }
        if (sandbox == null) {
            sandbox = store.runSandbox(fullName(), namespace(), manifest.hash(), 0);
        }
        for (Slot slot : slots.values()) {
            if (slot.current != null && slot.current.state() == Container.State.RUNNING) {
                continue;
            }
            if (slot.current != null && slot.waitingReason == null) {
                slot.waitingReason = "CrashLoopBackOff";
                slot.waitingMessage = "back-off restarting failed container=" + slot.spec.getName() + " pod=" + fullName()
                        + "_" + namespace() + "(" + manifest.hash() + ")";
                slot.nextAttemptAt = now.plus(machine.timing().restartBackoff());
                continue;
            }
            if (now.isBefore(slot.nextAttemptAt)) {
                continue;
            }
            startContainer(machine, slot, now, kubelet);
        }
    }

    private void startContainer(Machine machine, Slot slot, Instant now, Process kubelet) {
        ImageRef image;
        try {
            image = ImageRef.parse(slot.spec.getImage() == null ? "" : slot.spec.getImage());
        } catch (IllegalArgumentException e) {
            slot.waitingReason = "InvalidImageName";
            slot.waitingMessage = "Failed to apply default image tag \"" + slot.spec.getImage() + "\": " + e.getMessage();
            slot.nextAttemptAt = now.plus(machine.timing().restartBackoff());
            return;
        }
        if (!store.hasImage(image)) {
            slot.waitingReason = slot.pullAttempts++ % 2 == 0 ? "ErrImagePull" : "ImagePullBackOff";
            slot.waitingMessage = slot.waitingReason.equals("ErrImagePull")
                    ? "failed to pull and unpack image \"" + image.full() + "\": the simulated kubelet does not pull images;"
                    + " pull them first with crictl pull or docker pull"
                    : "Back-off pulling image \"" + slot.spec.getImage() + "\"";
            slot.nextAttemptAt = now.plus(machine.timing().restartBackoff());
            kubelet.write(now, LogFormat.klog('E', now, kubelet.pid(), "pod_workers.go:1301", "\"Error syncing pod, skipping\" err=\"failed to "
                    + "\\\"StartContainer\\\" for \\\"" + slot.spec.getName() + "\\\" with " + slot.waitingReason + "\" pod=\""
                    + namespace() + "/" + fullName() + "\""));
            return;
        }
        if (slot.current != null) {
            if (slot.previous != null) {
                store.remove(slot.previous);
            }
            slot.previous = slot.current;
            slot.restartCount++;
        }
        List<String> argv = new ArrayList<>();
        if (slot.spec.getCommand() != null) {
            argv.addAll(slot.spec.getCommand());
        }
        if (slot.spec.getArgs() != null) {
            argv.addAll(slot.spec.getArgs());
        }
        if (argv.isEmpty()) {
            argv.add(slot.spec.getName());
        }
        slot.current = store.start(sandbox, slot.spec.getName(), image, slot.restartCount, argv,
                new PodMounts(manifest.pod(), slot.spec), hostNetwork());
        slot.waitingReason = null;
        slot.waitingMessage = "";
    }

    /** Stops and removes everything of the pod in the runtime. */
    void kill() {
        if (store != null && sandbox != null) {
            store.removeSandbox(sandbox);
        }
    }

    /** Changes whenever anything the mirror pod shows changes; cheap, so the kubelet rebuilds the mirror pod only then. */
    String signature() {
        StringBuilder text = new StringBuilder(manifest.hash()).append(sandbox != null);
        for (Slot slot : slots.values()) {
            text.append('|').append(slot.restartCount).append(slot.waitingReason).append(slot.waitingMessage);
            if (slot.current != null) {
                text.append(slot.current.id()).append(slot.current.process().state())
                        .append(slot.current.process().healthProblem().isEmpty());
            }
            if (slot.previous != null) {
                text.append(slot.previous.id()).append(slot.previous.process().state());
            }
        }
        return text.toString();
    }

    boolean allReady() {
        return slots.values().stream().allMatch(s -> s.current != null && s.current.state() == Container.State.RUNNING
                && s.current.process().state() == Process.State.RUNNING && s.current.process().healthProblem().isEmpty());
    }
}
