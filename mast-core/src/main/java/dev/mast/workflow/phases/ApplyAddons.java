package dev.mast.workflow.phases;

import dev.mast.manifest.addons.ClusterAdmins;
import dev.mast.manifest.addons.CoreDns;
import dev.mast.manifest.addons.Flannel;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.PodNetwork;
import dev.mast.workflow.ClusterAccess;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Phase;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.ArrayList;
import java.util.List;

/** Applies the admins' binding, and the pod network and cluster DNS the plan asks for, through the API, once, from the first master. */
public final class ApplyAddons implements Phase {
    private final ClusterAccess cluster;

    public ApplyAddons(ClusterAccess cluster) {
        this.cluster = cluster;
    }

    /** What the plan has an install apply: the admins' binding always, the pod network and CoreDNS as the plan says. */
    public static List<HasMetadata> objects(Plan plan) {
        List<HasMetadata> objects = new ArrayList<>(ClusterAdmins.objects());
        if (plan.podNetwork() == PodNetwork.FLANNEL) {
            objects.addAll(Flannel.objects(plan));
        }
        if (plan.clusterDns().coreDns()) {
            objects.addAll(CoreDns.objects(plan));
        }
        return objects;
    }

    /**
     * The objects whose pods the install waits for. Without a pod network from Mast, CoreDNS's pods
     * cannot start until the user installs one, so the install applies CoreDNS but does not wait for it.
     */
    public static List<HasMetadata> awaited(Plan plan) {
        return plan.podNetwork() == PodNetwork.NONE ? ClusterAdmins.objects() : objects(plan);
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
        notApplied(context.plan()).forEach(context::log);
    }

    /** What the plan leaves to the user, said where the run would otherwise have applied it. */
    private static List<String> notApplied(Plan plan) {
        List<String> lines = new ArrayList<>();
        if (plan.podNetwork() == PodNetwork.NONE) {
            lines.add("no pod network applied (podNetwork: none): the nodes stay NotReady and pods other than the static"
                    + " ones stay Pending until you install a CNI plugin for pod CIDR " + plan.podCidr());
        }
        if (!plan.clusterDns().coreDns()) {
            lines.add("no CoreDNS applied (clusterDns.coreDns: false): pods ask " + plan.clusterDnsIp()
                    + " for names; run a DNS service there");
        }
        return lines;
    }

    private static String name(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
    }

    @Override
    public List<String> describe(Plan plan, Node node) {
        List<String> lines = new ArrayList<>(objects(plan).stream().map(o -> "apply " + o.getKind() + " " + name(o)).toList());
        lines.addAll(notApplied(plan));
        return lines;
    }
}
