package dev.mast.workflow.phases;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.tasks.ClusterCa;
import java.nio.file.Path;

/**
 * Before an upgrade renders anything: takes the running cluster's CA, front-proxy CA, etcd CA and
 * service-account key from the first master into the PKI folder (those it lacks), so the files the
 * upgrade writes are signed by what the cluster trusts. A folder with another CA is refused.
 */
public final class AdoptClusterCa implements Step {
    private final Path pkiDir;

    public AdoptClusterCa(Path pkiDir) {
        this.pkiDir = pkiDir;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        ClusterCa.Adoption adoption = ClusterCa.read(context.remote(), pkiDir);
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
