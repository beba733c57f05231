package dev.mast.manifest.addons;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import java.util.List;

/**
 * The kubelets' certificates, approved as kubeadm has them approved. Mast's kubelet configuration
 * sets {@code rotateCertificates: true}: before its client certificate expires, each kubelet asks
 * for a new one with a CertificateSigningRequest sent with its current credentials. The
 * controller manager's approver approves such a request only when its sender may create the
 * {@code selfnodeclient} subresource, which nothing grants until these bindings exist; without them
 * every node stops authenticating the day its first certificate expires.
 * <ul>
 *   <li>{@value #ROTATION}: {@code system:nodes} renew their own client certificate;</li>
 *   <li>{@value #BOOTSTRAP_REQUESTS} and {@value #BOOTSTRAP}: a kubelet that joins with a
 *       bootstrap token of kubeadm's group may ask for its first certificate and gets it approved
 *       (the API server accepts bootstrap tokens, as on a kubeadm cluster).</li>
 * </ul>
 * Serving certificates need no approval: Mast leaves {@code serverTLSBootstrap} off, so each
 * kubelet serves with a certificate it signs itself, as on a kubeadm cluster, and the API server does
 * not verify it (no {@code --kubelet-certificate-authority}). Turning {@code serverTLSBootstrap} on
 * would need an approver of {@code kubernetes.io/kubelet-serving} requests, which the controller
 * manager never approves.
 */
public final class NodeCertificates {
    static final String ROTATION = "kubeadm:node-autoapprove-certificate-rotation";
    static final String BOOTSTRAP = "kubeadm:node-autoapprove-bootstrap";
    static final String BOOTSTRAP_REQUESTS = "kubeadm:kubelet-bootstrap";
    static final String NODES_GROUP = "system:nodes";
    static final String BOOTSTRAP_GROUP = "system:bootstrappers:kubeadm:default-node-token";
    private static final String CSR_ROLES = "system:certificates.k8s.io:certificatesigningrequests:";

    private NodeCertificates() {
    }

    public static List<HasMetadata> objects() {
        return List.of(
                binding(ROTATION, CSR_ROLES + "selfnodeclient", NODES_GROUP),
                binding(BOOTSTRAP, CSR_ROLES + "nodeclient", BOOTSTRAP_GROUP),
                binding(BOOTSTRAP_REQUESTS, "system:node-bootstrapper", BOOTSTRAP_GROUP));
    }

    private static HasMetadata binding(String name, String clusterRole, String group) {
        return new ClusterRoleBindingBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName(clusterRole)
                .endRoleRef()
                .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("Group").withName(group).endSubject()
                .build();
    }
}
