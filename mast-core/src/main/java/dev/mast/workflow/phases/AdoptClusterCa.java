package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.legacy.ClusterSurvey;
import dev.mast.workflow.tasks.ClusterCa;
import java.nio.file.Path;

/**
 * Before an upgrade renders anything: takes the running cluster's CA and service-account key from
 * the first master into the PKI folder (those it lacks), found where the running components'
 * flags name them, so the files the upgrade writes are signed by what the cluster trusts. A
 * folder with another CA is refused. A cluster whose CA key is on no master is converted with the
 * certificates it has, watched through the admin kubeconfig its owner gave; without one it is
 * refused, saying what is missing. Mast never makes a CA for a cluster that has one.
 */
public final class AdoptClusterCa implements Step {
    private final Path pkiDir;
    private final ClusterSurvey survey;
    private final boolean kubeconfigGiven;

    /** @param kubeconfigGiven whether the run watches the API with the cluster's own admin kubeconfig */
    public AdoptClusterCa(Path pkiDir, ClusterSurvey survey, boolean kubeconfigGiven) {
        this.pkiDir = pkiDir;
        this.survey = survey;
        this.kubeconfigGiven = kubeconfigGiven;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        ClusterCa.Adoption adoption = ClusterCa.read(context.remote(), context.node().hostName(), pkiDir);
        if (adoption.missingKey().isPresent()) {
            String why = adoption.missingKey().get();
            if (!kubeconfigGiven) {
                throw new IllegalStateException(why + ": give the cluster's admin kubeconfig with --kubeconfig FILE (Mast then"
                        + " issues nothing), or the cluster's CA certificate and key as ca.crt and ca.key in " + pkiDir);
            }
            survey.caKeyMissing(why);
            context.log(why + ": watching the API with the kubeconfig given; Mast issues no certificate");
            return;
        }
        if (adoption.names().isEmpty()) {
            context.log(pkiDir + " has the cluster's CA already");
            return;
        }
        String names = String.join(", ", adoption.names());
        context.remote().perform("take the cluster's " + names + " into " + pkiDir, () -> {
            adoption.write();
            context.log("took the cluster's " + names + " from " + context.node().hostName() + " into " + pkiDir);
        });
    }
}
