package dev.mast.workflow;

import dev.mast.files.NodeFile;
import dev.mast.plan.Node;
import dev.mast.workflow.ProgressEvent.LogLevel;
import java.util.List;
import java.util.Optional;

/**
 * A node as a dry run sees it: every change (a command that changes the node, a file, any other
 * work a run would do for it) goes to the node's log as a {@link LogLevel#PLANNED} line instead
 * of being made. Queries go to the node when there is one to ask ({@code mast install --dry-run});
 * without one (the preview before any connection, a node that cannot be reached) they get
 * {@link Output#NOTHING}, as from a node that has nothing yet. File contents are never logged,
 * only their paths and modes.
 */
public final class RecordingRemote implements Remote {
    private static final Output CHANGED = new Output(0, List.of(), List.of());

    private final Optional<Remote> asking;
    private final String target;
    private final NodeLog log;

    private RecordingRemote(Optional<Remote> asking, String target, NodeLog log) {
        this.asking = asking;
        this.target = target;
        this.log = log;
    }

    /**
     * Dry-run remotes that ask the nodes through {@code asking}, or ask nobody when it is empty. A node that cannot be
     * reached is not asked either: its log says why, and it is shown as a node with nothing on it yet.
     */
    public static RemoteFactory factory(Optional<RemoteFactory> asking) {
        return (node, log) -> {
            Optional<Remote> remote = Optional.empty();
            if (asking.isPresent()) {
                try {
                    remote = Optional.of(asking.get().open(node, log));
                } catch (Exception e) {
                    log.line(LogLevel.WARN, "not asked, shown as a node with nothing on it yet: " + Failures.describe(e));
                }
            }
            return new RecordingRemote(remote, remote.map(Remote::target).orElse(address(node)), log);
        };
    }

    private static String address(Node node) {
        return node.ssh().user() + "@" + node.ip() + ":" + node.ssh().port();
    }

    @Override
    public Output query(String script) throws Exception {
        return asking.isPresent() ? asking.get().query(script) : Output.NOTHING;
    }

    @Override
    public Optional<byte[]> read(String path) throws Exception {
        return asking.isPresent() ? asking.get().read(path) : Optional.empty();
    }

    @Override
    public Output exec(String script) {
        log.line(LogLevel.PLANNED, "run " + script);
        return CHANGED;
    }

    @Override
    public void write(NodeFile file) {
        log.line(LogLevel.PLANNED, "write " + file.path() + " (" + Integer.toOctalString(file.mode()) + ")");
    }

    @Override
    public void perform(String what, Action action) {
        log.line(LogLevel.PLANNED, what);
    }

    @Override
    public boolean records() {
        return true;
    }

    @Override
    public boolean asks() {
        return asking.isPresent();
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public void close() {
        asking.ifPresent(Remote::close);
    }
}
