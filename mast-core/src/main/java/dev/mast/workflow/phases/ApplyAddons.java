package dev.mast.workflow.phases;

import dev.mast.manifest.addons.ClusterAdmins;
import dev.mast.manifest.addons.CoreDns;
import dev.mast.manifest.addons.Flannel;
import dev.mast.manifest.addons.NodeCertificates;
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
import java.util.function.Function;

/**
 * Applies cluster objects through the API, once, from the first master: on an install the
 * admins' and the kubelets' certificate bindings, the pod network and the cluster DNS; on an
 * upgrade the kubelets' certificate bindings, which the running cluster may lack.
 */
public final class ApplyAddons implements Phase {
    private final ClusterAccess cluster;
    private final String id;
    private final String title;
    private final Function<Plan, List<HasMetadata>> objectsOf;

    /** The install's add-ons. */
    public ApplyAddons(ClusterAccess cluster) {
        this(cluster, "addons/apply", "Apply the pod network and DNS", ApplyAddons::objects);
    }

    private ApplyAddons(ClusterAccess cluster, String id, String title, Function<Plan, List<HasMetadata>> objects) {
        this.cluster = cluster;
        this.id = id;
        this.title = title;
        this.objectsOf = objects;
    }

    /** What an upgraded cluster needs for Mast's kubelet configuration: the approval of renewed kubelet certificates. */
    public static ApplyAddons nodeCertificates(ClusterAccess cluster) {
        return new ApplyAddons(cluster, "upgrade/node-certificates", "Let the kubelets renew their certificates",
                plan -> NodeCertificates.objects());
    }

    public static List<HasMetadata> objects(Plan plan) {
        List<HasMetadata> objects = new ArrayList<>(ClusterAdmins.objects());
        objects.addAll(NodeCertificates.objects());
        objects.addAll(Flannel.objects(plan));
        objects.addAll(CoreDns.objects(plan));
        return objects;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
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
        for (HasMetadata object : objectsOf.apply(context.plan())) {
            if (client.resource(object).get() == null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        KubernetesClient client = cluster.client();
        for (HasMetadata object : objectsOf.apply(context.plan())) {
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
        return objectsOf.apply(plan).stream().map(o -> "apply " + o.getKind() + " " + name(o)).toList();
    }
}
