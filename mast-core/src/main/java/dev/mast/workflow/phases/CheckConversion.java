package dev.mast.workflow.phases;

import dev.mast.manifest.KubePaths;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.legacy.ClusterSurvey;
import dev.mast.workflow.legacy.ConversionVersions;
import dev.mast.workflow.legacy.LegacyNode;
import java.util.List;
import java.util.Optional;

/**
 * Once every node has been read: what the conversion will be for the cluster as a whole (the
 * version it goes to, mixed versions across masters), and whether each node can take it. A
 * master with no kubelet gets one as the install gives it, which needs a certificate signed by
 * the cluster's own CA; a kubelet that reads its static pods from another folder than Mast
 * writes them to is refused. Changes nothing.
 */
public final class CheckConversion implements Step {
    private final ClusterSurvey survey;

    public CheckConversion(ClusterSurvey survey) {
        this.survey = survey;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        Plan plan = context.plan();
        LegacyNode node = ClusterSurvey.read(context);
        if (context.node().hostName().equals(plan.masters().get(0).hostName())) {
            ConversionVersions.mixed(survey.nodes()).ifPresent(context::warn);
            context.log(switch (ConversionVersions.step(survey.nodes(), plan.version())) {
                case SAME -> "the cluster keeps its version: Kubernetes " + plan.version();
                case PATCH_UPGRADE -> "the conversion also takes the control plane to the newer patch release " + plan.version();
                case MINOR_UPGRADE -> "the conversion also upgrades the control plane to Kubernetes " + plan.version()
                        + ", in kubeadm's order: every API server first, one master at a time, then the other components";
            });
        }
        if (context.node().has(Role.MASTER) && !node.hasKubelet()) {
            Optional<String> missingCaKey = survey.missingCaKey();
            if (missingCaKey.isPresent()) {
                throw new IllegalStateException(context.node().hostName() + " runs no kubelet, and the one Mast would install needs a"
                        + " client certificate signed by the cluster's CA, but " + missingCaKey.get() + "; put the cluster's CA"
                        + " certificate and key in the PKI folder as ca.crt and ca.key");
            }
            context.log("no kubelet and no container runtime here: installing them first, as the install does");
        }
        if (node.hasKubelet() && !node.staticPodPath().isEmpty() && !node.staticPodPath().equals(KubePaths.MANIFESTS_DIR)) {
            throw new IllegalStateException("the kubelet on " + context.node().hostName() + " reads static pods from "
                    + node.staticPodPath() + ", and Mast writes them to " + KubePaths.MANIFESTS_DIR + "; point the kubelet's"
                    + " staticPodPath at " + KubePaths.MANIFESTS_DIR + " first");
        }
    }
}
