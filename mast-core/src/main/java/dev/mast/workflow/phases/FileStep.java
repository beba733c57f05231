package dev.mast.workflow.phases;

import dev.mast.files.NodeFile;
import dev.mast.plan.Node;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.tasks.ClusterFiles;
import dev.mast.workflow.tasks.RemoteFiles;
import java.util.List;

/**
 * A step that puts a group of rendered files on the node (those under some path prefixes) and
 * then starts what uses them. Done when the node has the files exactly and {@link #isRunning} holds.
 */
abstract class FileStep implements Step {
    protected final ClusterFiles files;
    private final String[] prefixes;

    FileStep(ClusterFiles files, String... prefixes) {
        this.files = files;
        this.prefixes = prefixes;
    }

    protected List<NodeFile> files(Node node) {
        return files.rendered().filesFor(node.hostName(), prefixes);
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        return RemoteFiles.allPresent(context.remote(), files(context.node())) && isRunning(context);
    }

    @Override
    public void run(NodeContext context) throws Exception {
        prepare(context);
        List<NodeFile> files = files(context.node());
        context.remote().writeAll(files);
        context.log("wrote " + files.size() + " files");
        start(context);
    }

    /** Before the files are written, e.g. install a package or pull images. */
    protected void prepare(NodeContext context) throws Exception {
    }

    /** After the files are written: start or restart what uses them, and wait until it works. */
    protected void start(NodeContext context) throws Exception {
    }

    protected boolean isRunning(NodeContext context) throws Exception {
        return true;
    }
}
