package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.legacy.ClusterSurvey;
import dev.mast.workflow.legacy.ConversionVersions;
import dev.mast.workflow.legacy.LegacyNode;
import dev.mast.workflow.legacy.LegacyNodeReader;
import dev.mast.workflow.legacy.LegacyService;
import dev.mast.workflow.tasks.UnfinishedConversions;
import java.util.List;

/**
 * Reads every node as systemd runs it (units, drop-ins, environment, versions, the packages
 * owning each file, the kubelet) and refuses a plan whose Kubernetes version the cluster cannot
 * be converted to. Changes nothing; a failure on any node (unreachable, a changed host key, a
 * version refused) stops the run before any node is touched. Says what a killed run left half-converted.
 */
public final class ReadLegacyUnits implements Step {
    private final ClusterSurvey survey;

    public ReadLegacyUnits(ClusterSurvey survey) {
        this.survey = survey;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        // A conversion a killed run left in flight: say what the node has of it and what this run does about it.
        List<UnfinishedConversions.Unfinished> unfinished = UnfinishedConversions.find(context.remote());
        unfinished.forEach(left -> context.warn(left.describe()));
        LegacyNode node = LegacyNodeReader.read(context.remote(), context.node().hostName());
        for (LegacyService service : node.services().values()) {
            context.log(service.unitName() + " (" + String.join(", ", service.unit().files()) + ") runs " + service.program() + " "
                    + service.version().map(v -> v.tag()).orElse("of unknown version") + ", " + (service.active() ? "active" : "inactive")
                    + ", " + node.owner(service.program()).map(p -> "from package " + p).orElse("from no package"));
        }
        if (node.staticPodServices().isEmpty()) {
            context.log("no systemd unit of the control plane or kube-proxy: this node runs them as static pods already");
        }
        List<String> refusals = ConversionVersions.refusals(node, context.plan().version(), UnfinishedConversions.replaced(unfinished));
        if (!refusals.isEmpty()) {
            throw new IllegalStateException(String.join("; ", refusals));
        }
        context.put(ClusterSurvey.NODE, node);
        survey.put(node);
    }
}
