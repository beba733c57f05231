package dev.mast.sim.machine;

import dev.mast.concurrent.BoundedLog;
import java.time.Instant;
import java.util.List;

/**
 * One run of a simulated program, from start to exit: its command line, the ports it listens
 * on once {@link State#RUNNING}, and its output. A crash or a stop moves it to
 * {@link State#EXITED}; whoever started it (systemd, the kubelet) decides whether to start
 * another.
 */
public final class Process {
    public enum State { STARTING, RUNNING, EXITED }

    /** How the component is run: a systemd service or a static pod's container. */
    public enum Form { SERVICE, STATIC_POD }

    /** Where a process's output goes besides its own buffer (the journal, for a service). */
    @FunctionalInterface
    public interface Sink {
        Sink NONE = (process, line) -> { };

        void accept(Process process, LogLine line);
    }

    private final long pid;
    private final ComponentKind kind;
    private final List<String> argv;
    private final Flags flags;
    private final Form form;
    private final String version;
    private final PathResolver paths;
    private final Instant startedAt;
    /** Capped like a container log that rotates; a follower ({@code logs -f}) asks for what came after the last line it saw. */
    private final BoundedLog<LogLine> log = new BoundedLog<>(5000);
    private final Sink sink;
    private volatile List<Endpoint> endpoints = List.of();
    private volatile Instant readyAt;
    private volatile State state = State.STARTING;
    private volatile int exitCode;
    private volatile Instant exitedAt;
    private volatile String error = "";
    private volatile boolean hostNetwork = true;
    private volatile java.util.function.Supplier<java.util.Optional<String>> healthCheck = java.util.Optional::empty;
    /** What the program read once at start-up, and what its peers made of it, by key. */
    private final java.util.Map<Object, Object> remembered = new java.util.concurrent.ConcurrentHashMap<>();

    Process(long pid, ComponentKind kind, List<String> argv, Form form, String version, PathResolver paths,
            Instant startedAt, Instant readyAt, Sink sink) {
        this.pid = pid;
        this.kind = kind;
        this.argv = List.copyOf(argv);
        this.flags = Flags.parse(argv);
        this.form = form;
        this.version = version;
        this.paths = paths;
        this.startedAt = startedAt;
        this.readyAt = readyAt;
        this.sink = sink;
    }

    public long pid() {
        return pid;
    }

    public ComponentKind kind() {
        return kind;
    }

    public List<String> argv() {
        return argv;
    }

    public Flags flags() {
        return flags;
    }

    public Form form() {
        return form;
    }

    /** The version it reports, e.g. {@code v1.34.3}. */
    public String version() {
        return version;
    }

    public PathResolver paths() {
        return paths;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant readyAt() {
        return readyAt;
    }

    public State state() {
        return state;
    }

    public boolean isAlive() {
        return state != State.EXITED;
    }

    public int exitCode() {
        return exitCode;
    }

    public Instant exitedAt() {
        return exitedAt;
    }

    /** Why it exited, empty after a clean stop. */
    public String error() {
        return error;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public BoundedLog<LogLine> log() {
        return log;
    }

    /** The thread id klog prints: 1 inside a container (its own PID namespace), the PID for a service. */
    long logThread() {
        return form == Form.STATIC_POD ? 1 : pid;
    }

    /** Writes a line to the process's stderr, which is where Kubernetes components log. */
    public void write(Instant time, String text) {
        LogLine line = new LogLine(time, true, text);
        log.add(line);
        sink.accept(this, line);
    }

    /**
     * Why the running component is not healthy although it runs (a peer rejects its credentials);
     * empty when it is. Its health endpoints then answer 500 and its pod is not Ready.
     */
    public java.util.Optional<String> healthProblem() {
        return state == State.RUNNING ? healthCheck.get() : java.util.Optional.empty();
    }

    void setHealthCheck(java.util.function.Supplier<java.util.Optional<String>> check) {
        healthCheck = check;
    }

    /**
     * A value worked out once for this run of the program: what it read at start-up (the real
     * programs read their files once), or what a peer made of its credentials.
     */
    @SuppressWarnings("unchecked")
    <T> T remember(Object key, java.util.function.Supplier<T> compute) {
        // Not computeIfAbsent: one remembered value is often worked out from another.
        Object known = remembered.get(key);
        if (known == null) {
            known = compute.get();
            Object raced = remembered.putIfAbsent(key, known);
            known = raced == null ? known : raced;
        }
        return (T) known;
    }

    /** False for a container in its own network namespace: its ports are not the node's. */
    public boolean hostNetwork() {
        return hostNetwork;
    }

    void setPodNetwork() {
        hostNetwork = false;
    }

    void setEndpoints(List<Endpoint> value) {
        endpoints = List.copyOf(value);
    }

    void running() {
        state = State.RUNNING;
    }

    void exited(Instant time, int code, String why) {
        exitedAt = time;
        exitCode = code;
        error = why;
        state = State.EXITED;
    }

    @Override
    public String toString() {
        return kind.key() + "[" + pid + ", " + state + "]";
    }
}
