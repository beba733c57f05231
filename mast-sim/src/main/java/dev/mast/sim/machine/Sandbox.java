package dev.mast.sim.machine;

import java.time.Instant;

/** A pod sandbox (the pause container): the pod's identity in the runtime. */
public final class Sandbox {
    private final String id;
    private final String podName;
    private final String namespace;
    private final String uid;
    private final int attempt;
    private final Instant createdAt;
    private volatile boolean ready = true;

    Sandbox(String id, String podName, String namespace, String uid, int attempt, Instant createdAt) {
        this.id = id;
        this.podName = podName;
        this.namespace = namespace;
        this.uid = uid;
        this.attempt = attempt;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String podName() {
        return podName;
    }

    public String namespace() {
        return namespace;
    }

    public String uid() {
        return uid;
    }

    public int attempt() {
        return attempt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isReady() {
        return ready;
    }

    void stop() {
        ready = false;
    }

    /** Docker's name for the sandbox's pause container. */
    public String dockerName() {
        return "k8s_POD_" + podName + "_" + namespace + "_" + uid + "_" + attempt;
    }
}
