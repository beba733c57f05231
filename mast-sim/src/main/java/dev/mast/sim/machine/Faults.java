package dev.mast.sim.machine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Problems injected into one node, changeable while it runs: commands that fail, a dropped SSH
 * connection, components that never become healthy, image pulls that fail, and slow commands.
 */
public final class Faults {

    /** A command whose text (its words joined by spaces) matches {@code pattern} fails with this status and message. */
    public record CommandFailure(Pattern pattern, int exitStatus, String stderr) { }

    private final List<CommandFailure> commandFailures = new ArrayList<>();
    private final Map<CommandFailure, Integer> remaining = new ConcurrentHashMap<>();
    private final Map<String, Set<Process.Form>> neverHealthy = new ConcurrentHashMap<>();
    private final List<Pattern> pullFailures = new ArrayList<>();
    private final Set<String> podsNeverReady = ConcurrentHashMap.newKeySet();
    private int dropAfter = -1;
    private int commandsSinceDropSet;
    private volatile Duration slowness = Duration.ZERO;
    private volatile Duration fixedDelay = Duration.ZERO;

    /** Every command matching {@code regex} fails until {@link #clear()}. */
    public synchronized Faults failCommand(String regex, int exitStatus, String stderr) {
        return failCommand(regex, exitStatus, stderr, Integer.MAX_VALUE);
    }

    /** The next {@code times} commands matching {@code regex} fail. */
    public synchronized Faults failCommand(String regex, int exitStatus, String stderr, int times) {
        CommandFailure failure = new CommandFailure(Pattern.compile(regex), exitStatus, stderr);
        commandFailures.add(failure);
        remaining.put(failure, times);
        return this;
    }

    /** The failure for a command about to run, counting it down. */
    public synchronized Optional<CommandFailure> matchCommand(String commandText) {
        for (CommandFailure failure : commandFailures) {
            if (failure.pattern().matcher(commandText).find()) {
                int left = remaining.merge(failure, -1, Integer::sum);
                if (left <= 0) {
                    commandFailures.remove(failure);
                    remaining.remove(failure);
                }
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }

    /** The node drops every SSH session when the next command arrives. */
    public Faults dropConnectionOnce() {
        return dropConnectionAfter(0);
    }

    /** The node runs {@code commands} more commands, then drops every SSH session when the next one arrives (once). */
    public synchronized Faults dropConnectionAfter(int commands) {
        dropAfter = commands;
        commandsSinceDropSet = 0;
        return this;
    }

    /** Called for each command the SSH server receives: true when the connection must drop now. */
    public synchronized boolean shouldDropConnection() {
        if (dropAfter < 0) {
            return false;
        }
        if (commandsSinceDropSet++ >= dropAfter) {
            dropAfter = -1;
            return true;
        }
        return false;
    }

    /** The component (e.g. {@code kube-apiserver}) crashes at every start, in the given forms (all when none). */
    public Faults neverHealthy(String component, Process.Form... forms) {
        neverHealthy.put(component, forms.length == 0 ? EnumSet.allOf(Process.Form.class) : EnumSet.of(forms[0], forms));
        return this;
    }

    public Faults healthy(String component) {
        neverHealthy.remove(component);
        return this;
    }

    public boolean isNeverHealthy(String component, Process.Form form) {
        return neverHealthy.getOrDefault(component, Set.of()).contains(form);
    }

    /**
     * The pods of a Deployment or DaemonSet (by its name, e.g. {@code coredns}) that this node runs
     * never become Ready: their container crash-loops, as with a broken configuration.
     */
    public Faults podNeverReady(String workload) {
        podsNeverReady.add(workload);
        return this;
    }

    public Faults podReady(String workload) {
        podsNeverReady.remove(workload);
        return this;
    }

    public boolean isPodNeverReady(String workload) {
        return podsNeverReady.contains(workload);
    }

    /** Pulling an image whose reference matches {@code regex} fails. */
    public synchronized Faults failImagePull(String regex) {
        pullFailures.add(Pattern.compile(regex));
        return this;
    }

    public synchronized boolean pullFails(String image) {
        return pullFailures.stream().anyMatch(p -> p.matcher(image).find());
    }

    /** A slow node: each command waits a random time around {@code delay}, and components take that much longer to start. */
    public Faults slowNode(Duration delay) {
        slowness = delay;
        return this;
    }

    /** Every command waits exactly {@code delay} before it runs, as network latency would add (for benchmarks). */
    public Faults fixedDelay(Duration delay) {
        fixedDelay = delay;
        return this;
    }

    public Duration slowness() {
        return slowness;
    }

    /** How long the next command waits before it runs. */
    public Duration commandDelay() {
        Duration slow = slowness;
        Duration jitter = slow.isZero() ? Duration.ZERO
                : Duration.ofMillis(slow.toMillis() / 2 + ThreadLocalRandom.current().nextLong(slow.toMillis() + 1));
        return fixedDelay.plus(jitter);
    }

    /** Removes every fault. */
    public synchronized void clear() {
        commandFailures.clear();
        remaining.clear();
        neverHealthy.clear();
        podsNeverReady.clear();
        pullFailures.clear();
        dropAfter = -1;
        slowness = Duration.ZERO;
        fixedDelay = Duration.ZERO;
    }
}
