package dev.mast.workflow.phases;

import dev.mast.manifest.addons.ClusterAdmins;
import dev.mast.manifest.addons.CoreDns;
import dev.mast.manifest.addons.Flannel;
import dev.mast.plan.Plan;
import dev.mast.plan.PodNetwork;
import dev.mast.cluster.ClusterAccess;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.ArrayList;
import java.util.List;

/** Applies the admins' binding, and the pod network and cluster DNS the plan asks for, through the API, once, from the first master. */
public final class ApplyAddons implements Step {
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
        notApplied(context.plan()).forEach(context::warn);
    }

    /** What the plan leaves to the user, warned where the run (or its dry run) would otherwise have applied it. */
    static List<String> notApplied(Plan plan) {
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

}
