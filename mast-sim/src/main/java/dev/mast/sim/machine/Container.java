package dev.mast.sim.machine;

import java.time.Instant;
import java.util.Map;

/**
 * A container of a pod sandbox, running one simulated process. Its state follows the process:
 * running while the process lives, exited (with its exit code) after.
 */
public final class Container {
    public enum State { RUNNING, EXITED }

    private final String id;
    private final String name;
    private final Sandbox sandbox;
    private final ImageRef image;
    private final int attempt;
    private final Instant createdAt;
    private final Process process;
    private final Map<String, String> labels;

    Container(String id, String name, Sandbox sandbox, ImageRef image, int attempt, Instant createdAt, Process process) {
        this.id = id;
        this.name = name;
        this.sandbox = sandbox;
        this.image = image;
        this.attempt = attempt;
        this.createdAt = createdAt;
        this.process = process;
        this.labels = Map.of("io.kubernetes.container.name", name, "io.kubernetes.pod.name", sandbox.podName(),
                "io.kubernetes.pod.namespace", sandbox.namespace(), "io.kubernetes.pod.uid", sandbox.uid());
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public ImageRef image() {
        return image;
    }

    public int attempt() {
        return attempt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Process process() {
        return process;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public State state() {
        return process.isAlive() ? State.RUNNING : State.EXITED;
    }

    /** The name Docker gives a kubelet container: {@code k8s_<container>_<pod>_<namespace>_<uid>_<attempt>}. */
    public String dockerName() {
        return "k8s_" + name + "_" + sandbox.podName() + "_" + sandbox.namespace() + "_" + sandbox.uid() + "_" + attempt;
    }
}
