package dev.mast.workflow.phases;

import dev.mast.manifest.addons.ClusterAdmins;
import dev.mast.manifest.addons.CoreDns;
import dev.mast.manifest.addons.Flannel;
import dev.mast.plan.Plan;
import dev.mast.cluster.ClusterAccess;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.ArrayList;
import java.util.List;

/** Applies the admins' binding, the pod network and the cluster DNS through the API, once, from the first master. */
public final class ApplyAddons implements Step {
    private final ClusterAccess cluster;

    public ApplyAddons(ClusterAccess cluster) {
        this.cluster = cluster;
    }

    public static List<HasMetadata> objects(Plan plan) {
        List<HasMetadata> objects = new ArrayList<>(ClusterAdmins.objects());
        objects.addAll(Flannel.objects(plan));
        objects.addAll(CoreDns.objects(plan));
        return objects;
    }

    /** A dry run does not ask the API: on an install it is not there yet. */
    @Override
    public boolean isDone(NodeContext context) throws Exception {
        if (context.remote().records()) {
            return false;
        }
        KubernetesClient client = cluster.client();
        for (HasMetadata object : objects(context.plan())) {
            if (client.resource(object).get() == null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        for (HasMetadata object : objects(context.plan())) {
            context.remote().perform("apply " + object.getKind() + " " + name(object), () -> {
                cluster.client().resource(object).createOr(NonDeletingOperation::update);
                context.log("applied " + object.getKind() + " " + name(object));
            });
        }
    }

    private static String name(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
    }

}
