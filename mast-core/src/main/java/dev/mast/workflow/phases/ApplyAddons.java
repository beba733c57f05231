package dev.mast.workflow.phases;

import dev.mast.manifest.addons.ClusterAdmins;
import dev.mast.manifest.addons.CoreDns;
import dev.mast.manifest.addons.Flannel;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.workflow.ClusterAccess;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Phase;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.ArrayList;
import java.util.List;

/** Applies the admins' binding, the pod network and the cluster DNS through the API, once, from the first master. */
public final class ApplyAddons implements Phase {
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

    @Override
    public String id() {
        return "addons/apply";
    }

    @Override
    public String title() {
        return "Apply the pod network and DNS";
    }

    /**
     * The add-ons need the API, which the control plane phase before brought up, not kube-proxy on
     * every node: the first master applies them as soon as its own kube-proxy runs.
     */
    @Override
    public boolean waitsForAllNodes() {
        return false;
    }

    @Override
    public boolean appliesTo(Plan plan, Node node) {
        return !plan.masters().isEmpty() && plan.masters().get(0).hostName().equals(node.hostName());
    }

    @Override
    public boolean isDone(NodeContext context) throws Exception {
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
        KubernetesClient client = cluster.client();
        for (HasMetadata object : objects(context.plan())) {
            client.resource(object).createOr(NonDeletingOperation::update);
            context.log("applied " + object.getKind() + " " + name(object));
        }
    }

    private static String name(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
    }

    @Override
    public List<String> describe(Plan plan, Node node) {
        return objects(plan).stream().map(o -> "apply " + o.getKind() + " " + name(o)).toList();
    }
}
