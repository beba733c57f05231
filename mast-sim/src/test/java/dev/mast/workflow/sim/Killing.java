package dev.mast.workflow.sim;

import dev.mast.files.NodeFile;
import dev.mast.plan.Node;
import dev.mast.workflow.NodeLog;
import dev.mast.workflow.Remote;
import dev.mast.workflow.RemoteFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Stands between a run and its nodes to kill the run as {@code kill -9} would, as the nodes see it: from the moment
 * of {@link #kill()} nothing more of the run reaches any node (no rollback, no lock released), while what was
 * already sent is done. Every later call fails at once, so the run ends quickly; the test then starts the next run.
 */
final class Killing implements RemoteFactory {
    private final RemoteFactory real;
    private final BiConsumer<String, String> afterChange;
    private volatile boolean killed;

    /** @param afterChange hears each change made on a node: its host name and the command, or the file written */
    Killing(RemoteFactory real, BiConsumer<String, String> afterChange) {
        this.real = real;
        this.afterChange = afterChange;
    }

    void kill() {
        killed = true;
    }

    boolean killed() {
        return killed;
    }

    @Override
    public Remote open(Node node, NodeLog log) throws Exception {
        alive();
        return new Cut(real.open(node, log), node.hostName());
    }

    private void alive() {
        if (killed) {
            throw new KilledException();
        }
    }

    private void changed(String node, String what) {
        afterChange.accept(node, what);
    }

    /** What the run sees once it is dead: its SSH connections are gone. */
    static final class KilledException extends RuntimeException {
        KilledException() {
            super("the run was killed");
        }
    }

    private final class Cut implements Remote {
        private final Remote remote;
        private final String node;

        Cut(Remote remote, String node) {
            this.remote = remote;
            this.node = node;
        }

        @Override
        public Output query(String script) throws Exception {
            alive();
            return remote.query(script);
        }

        @Override
        public Output exec(String script) throws Exception {
            alive();
            Output output = remote.exec(script);
            changed(node, script);
            return output;
        }

        @Override
        public void write(NodeFile file) throws Exception {
            alive();
            remote.write(file);
            changed(node, file.path());
        }

        @Override
        public void writeAll(List<NodeFile> files) throws Exception {
            alive();
            remote.writeAll(files);
            changed(node, files.get(files.size() - 1).path());
        }

        @Override
        public Optional<byte[]> read(String path) throws Exception {
            alive();
            return remote.read(path);
        }

        @Override
        public void perform(String what, Action action) throws Exception {
            alive();
            remote.perform(what, () -> {
                action.run();
                alive();
            });
        }

        @Override
        public String target() {
            return remote.target();
        }

        @Override
        public void close() {
            remote.close();
        }
    }
}
