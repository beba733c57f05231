package dev.mast.workflow;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.ProgressEvent.LogLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a phase sees of the node it runs on: the plan, the node, its connection (opened on
 * first use and kept for the whole run), its log, the run's backup folder on the node, and
 * values earlier phases left for later ones (e.g. the flags read from an old systemd unit).
 */
public final class NodeContext {
    /** A typed name for a value phases hand on to each other. */
    public record Key<T>(String name, Class<T> type) { }

    private final Plan plan;
    private final Node node;
    private final RemoteFactory remotes;
    private final NodeLog log;
    private final String backupDir;
    private final Cancellation cancellation;
    private final Map<Key<?>, Object> values = new ConcurrentHashMap<>();
    private final List<Remote.Action> atEnd = new ArrayList<>();
    private Remote remote;

    NodeContext(Plan plan, Node node, RemoteFactory remotes, NodeLog log, String backupDir, Cancellation cancellation) {
        this.plan = plan;
        this.node = node;
        this.remotes = remotes;
        this.log = log;
        this.backupDir = backupDir;
        this.cancellation = cancellation;
    }

    public Plan plan() {
        return plan;
    }

    public Node node() {
        return node;
    }

    /** The node's connection; opened on first use. Only the node's own worker calls this. */
    public synchronized Remote remote() throws Exception {
        if (remote == null) {
            remote = remotes.open(node, log);
        }
        return remote;
    }

    /** The folder on the node where this run backs up what it replaces: {@code /etc/kubernetes/backup/<run>}. */
    public String backupDir() {
        return backupDir;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    NodeLog log() {
        return log;
    }

    public void log(String message) {
        log.line(LogLevel.INFO, message);
    }

    public void warn(String message) {
        log.line(LogLevel.WARN, message);
    }

    public void error(String message) {
        log.line(LogLevel.ERROR, message);
    }

    public <T> void put(Key<T> key, T value) {
        values.put(key, value);
    }

    public <T> Optional<T> get(Key<T> key) {
        return Optional.ofNullable(values.get(key)).map(key.type()::cast);
    }

    /**
     * Work for the end of the run on this node, before its connection closes, whether the node succeeded or not (a
     * lock to release). A run that is killed does none of it.
     */
    public synchronized void atEnd(Remote.Action action) {
        atEnd.add(action);
    }

    synchronized void close() {
        for (int i = atEnd.size() - 1; i >= 0; i--) {
            try {
                atEnd.get(i).run();
            } catch (Exception e) {
                warn("at the end of the run: " + Failures.describe(e));
            }
        }
        atEnd.clear();
        if (remote != null) {
            remote.close();
            remote = null;
        }
    }
}
