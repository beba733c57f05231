package dev.mast.sim.machine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's live processes. A process starts in {@link Process.State#STARTING} and, once its
 * start-up time has passed, either listens on its ports ({@link Process.State#RUNNING}) or
 * crashes for the first reason {@link StartupChecks} finds. Lookups are lock-free so that
 * other nodes (health checks, the API proxy) can ask without taking this node's lock.
 */
public final class Processes {
    private final Machine machine;
    private final Map<Long, Process> alive = new ConcurrentHashMap<>();
    private final AtomicLong nextPid = new AtomicLong(1000 + (long) (Math.random() * 5000));

    Processes(Machine machine) {
        this.machine = machine;
    }

    public Process start(ComponentKind kind, List<String> argv, Process.Form form, String version, PathResolver paths,
                         Process.Sink sink) {
        return start(kind, argv, form, version, paths, sink, true);
    }

    /** Starts a process; one without the host's network listens only inside its pod. */
    public Process start(ComponentKind kind, List<String> argv, Process.Form form, String version, PathResolver paths,
                         Process.Sink sink, boolean hostNetwork) {
        Instant now = machine.clock().now();
        Duration startup = kind == ComponentKind.GENERIC ? Duration.ZERO
                : machine.timing().startup().plus(machine.faults().slowness());
        Process process = new Process(nextPid.getAndIncrement(), kind, argv, form, version, paths, now, now.plus(startup), sink);
        if (!hostNetwork) {
            process.setPodNetwork();
        }
        process.setHealthCheck(() -> PeerTrust.problem(machine, process));
        alive.put(process.pid(), process);
        ComponentLogs.starting(process, now, machine.identity().address()).forEach(line -> process.write(now, line));
        advance(now);
        return process;
    }

    /** Stops a process gracefully (SIGTERM): it logs its shutdown and exits with 0. */
    public void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        Instant now = machine.clock().now();
        if (process.state() == Process.State.RUNNING) {
            ComponentLogs.stopping(process, now).forEach(line -> process.write(now, line));
        }
        process.exited(now, 0, "");
        alive.remove(process.pid());
    }

    /** Moves processes whose start-up time has passed to running, or makes them crash. */
    public void advance(Instant now) {
        for (Process process : alive.values()) {
            if (process.state() == Process.State.STARTING && !now.isBefore(process.readyAt())) {
                Optional<String> failure = StartupChecks.failure(machine, process);
                if (failure.isPresent()) {
                    ComponentLogs.failed(process, now, failure.get()).forEach(line -> process.write(now, line));
                    process.exited(now, 1, failure.get());
                    alive.remove(process.pid());
                } else {
                    process.running();
                    ComponentLogs.ready(process, now).forEach(line -> process.write(now, line));
                }
            }
        }
    }

    /** The running process a connection to {@code host:port} would reach on this node. */
    public Optional<Process> listening(String host, int port, boolean fromSameNode) {
        String address = machine.identity().address();
        for (Process process : alive.values()) {
            if (process.state() == Process.State.RUNNING && process.hostNetwork()) {
                for (Endpoint endpoint : process.endpoints()) {
                    if (endpoint.port() == port && endpoint.accepts(host, fromSameNode, address)) {
                        return Optional.of(process);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Running processes, by PID. */
    public List<Process> running() {
        return alive.values().stream().filter(p -> p.state() == Process.State.RUNNING)
                .sorted((a, b) -> Long.compare(a.pid(), b.pid())).toList();
    }

    public boolean anyRunning(ComponentKind kind) {
        return alive.values().stream().anyMatch(p -> p.kind() == kind && p.state() == Process.State.RUNNING);
    }

    /** The oldest running process of that kind. */
    public Optional<Process> firstRunning(ComponentKind kind) {
        Process first = null;
        for (Process process : alive.values()) {
            if (process.kind() == kind && process.state() == Process.State.RUNNING && (first == null || process.pid() < first.pid())) {
                first = process;
            }
        }
        return Optional.ofNullable(first);
    }

    /** Stops every process: the node is shutting down. */
    public void stopAll() {
        alive.values().forEach(this::stop);
    }
}
