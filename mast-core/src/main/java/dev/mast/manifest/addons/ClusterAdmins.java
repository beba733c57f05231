package dev.mast.manifest.addons;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import java.util.List;

/**
 * Gives the {@code kubeadm:cluster-admins} group (the admin kubeconfig's) cluster-admin, as
 * kubeadm does since 1.29; until this exists only the super-admin kubeconfig has rights.
 */
public final class ClusterAdmins {
    public static final String GROUP = "kubeadm:cluster-admins";

    private ClusterAdmins() {
    }

    public static List<HasMetadata> objects() {
        return List.of(new ClusterRoleBindingBuilder().withNewMetadata().withName(GROUP).endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("cluster-admin")
                .endRoleRef()
                .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("Group").withName(GROUP).endSubject()
                .build());
    }
}
