package dev.mast.workflow.phases;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.NodeFile;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Phase;
import dev.mast.workflow.RemoteFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * A phase that puts a group of rendered files on the node (those under some path prefixes)
 * and then starts what uses them. Done when the node has the files exactly and
 * {@link #isRunning} holds.
 */
abstract class FilePhase implements Phase {
    protected final RenderedCluster rendered;
    private final String[] prefixes;

    FilePhase(RenderedCluster rendered, String... prefixes) {
        this.rendered = rendered;
        this.prefixes = prefixes;
    }

    protected List<NodeFile> files(Node node) {
        return rendered.filesFor(node.hostName(), prefixes);
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
        return RemoteFiles.allPresent(context.remote(), files(context.node())) && isRunning(context);
    }

    @Override
    public void run(NodeContext context) throws Exception {
        prepare(context);
        List<NodeFile> files = files(context.node());
        RemoteFiles.writeAll(context.remote(), files);
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

    @Override
    public List<String> describe(Plan plan, Node node) {
        List<String> lines = new ArrayList<>();
        for (NodeFile file : files(node)) {
            lines.add("write " + file.path() + " (" + Integer.toOctalString(file.mode()) + ")");
        }
        lines.addAll(describeStart(plan, node));
        return lines;
    }

    protected List<String> describeStart(Plan plan, Node node) {
        return List.of();
    }
}
