package dev.mast.workflow.phases;

import dev.mast.manifest.ManifestSet;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Phase;
import java.util.List;

/**
 * Preflight of the sources: before anything changes, every node that installs something reaches the
 * sources the plan names, their exact versions are there, and a kubelet or kubectl already there may be
 * replaced ({@link SourceChecks}). A node that cannot stops the run.
 */
public final class CheckSources implements Phase {
    @Override
    public String id() {
        return "preflight/sources";
    }

    @Override
    public String title() {
        return "Check where the programs come from";
    }

    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return ManifestSet.hasRuntime(plan, node) || node.has(Role.ETCD);
    }

    @Override
    public boolean needsAllNodes() {
        return true;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        SourceChecks checks = SourceChecks.run(context.plan(), context.node(), context.remote());
        checks.notes().forEach(context::log);
        if (!checks.problems().isEmpty()) {
            throw new SourceException(String.join("; ", checks.problems()));
        }
        context.log("every source answers and has " + context.plan().version());
    }

    @Override
    public List<String> describe(Plan plan, Node node) {
        return List.of("detect the architecture; ask each source once from the node (package repository and key, or release"
                + " files; the image registry" + (node.has(Role.ETCD) ? "; etcd's source" : "") + "); check the repository has "
                + plan.version() + "; judge a kubelet or kubectl already there by the version skew policy");
    }
}
