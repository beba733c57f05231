package dev.mast.sim.machine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One simulated machine: its files, processes, systemd, packages, container runtimes and
 * kubelet. Every change to its state happens under {@link #lock()}; waiting (a command that
 * sleeps, a log that is followed) happens outside it. A background loop calls {@link #tick()}.
 */
public final class Machine {
    private final Object lock = new Object();
    private final Identity identity;
    private final VirtualFs fs;
    private final SimClock clock;
    private final SimTiming timing;
    private final ClusterView cluster;
    private final Faults faults = new Faults();
    private final Journal journal = new Journal();
    private final Processes processes;
    private final Systemd systemd;
    private final Packages packages;
    private final Containers containerd;
    private final Containers docker;
    private final Kubelet kubelet;
    private volatile String machineArch = "x86_64";

    public Machine(Identity identity, Path root, SimTiming timing, ClusterView cluster, Duration clockOffset,
                   PackageCatalog catalog) throws IOException {
        this.identity = identity;
        this.fs = new VirtualFs(root);
        this.clock = new SimClock(clockOffset);
        this.timing = timing;
        this.cluster = cluster;
        this.processes = new Processes(this);
        this.systemd = new Systemd(this);
        this.packages = new Packages(this, catalog);
        this.containerd = new Containers(this, RuntimeBackend.CONTAINERD);
        this.docker = new Containers(this, RuntimeBackend.DOCKER);
        this.kubelet = new Kubelet(this);
    }

    /** What {@code uname -m} says: {@code x86_64} unless a test makes the machine an {@code aarch64} one. */
    public String unameMachine() {
        return machineArch;
    }

    /** The architecture as Debian and Kubernetes name it: {@code amd64} or {@code arm64}. */
    public String arch() {
        return machineArch.equals("aarch64") ? "arm64" : "amd64";
    }

    /** Makes this an arm64 machine ({@code aarch64}) or an amd64 one ({@code x86_64}). */
    public void setUnameMachine(String value) {
        if (!value.equals("x86_64") && !value.equals("aarch64")) {
            throw new IllegalArgumentException("the simulator knows x86_64 and aarch64, not " + value);
        }
        machineArch = value;
    }

    public Object lock() {
        return lock;
    }

    public Identity identity() {
        return identity;
    }

    public VirtualFs fs() {
        return fs;
    }

    public SimClock clock() {
        return clock;
    }

    public SimTiming timing() {
        return timing;
    }

    public ClusterView cluster() {
        return cluster;
    }

    public Faults faults() {
        return faults;
    }

    public Journal journal() {
        return journal;
    }

    public Processes processes() {
        return processes;
    }

    public Systemd systemd() {
        return systemd;
    }

    public Packages packages() {
        return packages;
    }

    public Containers containers(RuntimeBackend backend) {
        return backend == RuntimeBackend.CONTAINERD ? containerd : docker;
    }

    public Kubelet kubelet() {
        return kubelet;
    }

    /** Whether a TCP connection from this machine to {@code host:port} would be accepted. */
    public boolean reachable(String host, int port) {
        return listenerAt(host, port).isPresent();
    }

    /** The process a connection from this machine to {@code host:port} would reach. */
    public java.util.Optional<Process> listenerAt(String host, int port) {
        return machineFor(host).flatMap(other -> other.processes().listening(host, port, other == this));
    }

    /** The machine a connection from this one to {@code host} reaches: this one for loopback and its own address. */
    public java.util.Optional<Machine> machineFor(String host) {
        if (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals(identity.address())) {
            return java.util.Optional.of(this);
        }
        return cluster.machineAt(host);
    }

    /** One step of the machine's background life: components finish starting, systemd restarts, the kubelet syncs. */
    public void tick() {
        Instant now;
        synchronized (lock) {
            now = clock.now();
            processes.advance(now);
            systemd.tick(now);
            kubelet.tick(now);
        }
        kubelet.syncApi();
    }

    /** Stops every process, as at power-off. */
    public void shutdown() {
        synchronized (lock) {
            processes.stopAll();
        }
    }
}
