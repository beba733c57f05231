package dev.mast.pki;

import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every certificate a plan needs, CAs first: kubeadm's {@code certlist.go} plus the client
 * certificates its kubeconfig phase embeds. The names are paths in the PKI folder, the same as
 * kubeadm's {@code /etc/kubernetes/pki} where kubeadm has the file; per-node credentials live
 * under {@code nodes/<hostName>/}, kubeconfig clients under {@code kubeconfig/}.
 */
public final class ClusterCertificates {
    public static final String CA = "ca";
    public static final String FRONT_PROXY_CA = "front-proxy-ca";
    public static final String ETCD_CA = "etcd/ca";
    public static final String APISERVER = "apiserver";
    public static final String APISERVER_KUBELET_CLIENT = "apiserver-kubelet-client";
    public static final String FRONT_PROXY_CLIENT = "front-proxy-client";
    public static final String APISERVER_ETCD_CLIENT = "apiserver-etcd-client";
    public static final String ETCD_HEALTHCHECK_CLIENT = "etcd/healthcheck-client";
    public static final String ADMIN = "kubeconfig/admin";
    public static final String SUPER_ADMIN = "kubeconfig/super-admin";
    public static final String CONTROLLER_MANAGER = "kubeconfig/controller-manager";
    public static final String SCHEDULER = "kubeconfig/scheduler";
    public static final String KUBE_PROXY = "kubeconfig/kube-proxy";

    /** The group kubeadm (1.29 and later) binds to cluster-admin with the ClusterRoleBinding of the same name. */
    public static final String CLUSTER_ADMINS_GROUP = "kubeadm:cluster-admins";
    /** The group the API server lets do anything, with no RBAC binding at all. */
    public static final String MASTERS_GROUP = "system:masters";
    public static final String NODES_GROUP = "system:nodes";

    /** Host names become folder names, so they must be plain DNS labels joined by dots. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    private ClusterCertificates() {
    }

    public static String kubeletClient(String hostName) {
        return "nodes/" + hostName + "/kubelet";
    }

    public static String etcdServer(String hostName) {
        return "nodes/" + hostName + "/etcd-server";
    }

    public static String etcdPeer(String hostName) {
        return "nodes/" + hostName + "/etcd-peer";
    }

    /**
     * The admin group for a Kubernetes version: since 1.29 kubeadm gives admin.conf and the API
     * server's kubelet client {@code kubeadm:cluster-admins} (revocable through RBAC) and keeps
     * {@code system:masters} for super-admin.conf only. Mast supports 1.31 and later, so this is
     * {@code kubeadm:cluster-admins} unless a plan names an older release.
     */
    public static String adminGroup(KubernetesVersion version) {
        return version.major() == 1 && version.minor() < 29 ? MASTERS_GROUP : CLUSTER_ADMINS_GROUP;
    }

    /** The specs for a plan, each CA before the certificates it signs. */
    public static List<CertificateSpec> forPlan(Plan plan) {
        plan.nodes().forEach(ClusterCertificates::checkHostName);
        String adminGroup = adminGroup(plan.version());
        var specs = new ArrayList<CertificateSpec>();
        specs.add(CertificateSpec.ca(CA, "kubernetes"));
        specs.add(CertificateSpec.ca(FRONT_PROXY_CA, "front-proxy-ca"));
        specs.add(CertificateSpec.ca(ETCD_CA, "etcd-ca"));

        specs.add(CertificateSpec.server(APISERVER, CA, "kube-apiserver", EnumSet.of(ExtendedUsage.SERVER_AUTH),
                apiServerAltNames(plan)));
        specs.add(CertificateSpec.client(APISERVER_KUBELET_CLIENT, CA, "kube-apiserver-kubelet-client", List.of(adminGroup)));
        specs.add(CertificateSpec.client(FRONT_PROXY_CLIENT, FRONT_PROXY_CA, "front-proxy-client", List.of()));
        specs.add(CertificateSpec.client(APISERVER_ETCD_CLIENT, ETCD_CA, "kube-apiserver-etcd-client", List.of()));
        specs.add(CertificateSpec.client(ETCD_HEALTHCHECK_CLIENT, ETCD_CA, "kube-etcd-healthcheck-client", List.of()));

        specs.add(CertificateSpec.client(ADMIN, CA, "kubernetes-admin", List.of(adminGroup)));
        specs.add(CertificateSpec.client(SUPER_ADMIN, CA, "kubernetes-super-admin", List.of(MASTERS_GROUP)));
        specs.add(CertificateSpec.client(CONTROLLER_MANAGER, CA, "system:kube-controller-manager", List.of()));
        specs.add(CertificateSpec.client(SCHEDULER, CA, "system:kube-scheduler", List.of()));
        specs.add(CertificateSpec.client(KUBE_PROXY, CA, "system:kube-proxy", List.of()));

        for (Node node : plan.nodes()) {
            specs.add(CertificateSpec.client(kubeletClient(node.hostName()), CA,
                    "system:node:" + node.hostName(), List.of(NODES_GROUP)));
        }
        var etcdUsages = EnumSet.of(ExtendedUsage.SERVER_AUTH, ExtendedUsage.CLIENT_AUTH);
        for (Node node : plan.etcdNodes()) {
            // etcd 3.2+ also checks clientAuth on the server certificate (etcd-io/etcd#9785), hence both usages
            specs.add(CertificateSpec.server(etcdServer(node.hostName()), ETCD_CA, node.hostName(), etcdUsages,
                    etcdAltNames(node)));
            specs.add(CertificateSpec.server(etcdPeer(node.hostName()), ETCD_CA, node.hostName(), etcdUsages,
                    etcdAltNames(node)));
        }
        return List.copyOf(specs);
    }

    /** Every name a client may use to reach the API server: each master, the load balancer, the service, the plan's extra names. */
    static SubjectAltNames apiServerAltNames(Plan plan) {
        var names = new SubjectAltNames().addAll("kubernetes", "kubernetes.default", "kubernetes.default.svc",
                "kubernetes.default.svc." + plan.dnsDomain(), "localhost", "127.0.0.1", plan.apiServerServiceIp());
        for (Node master : plan.masters()) {
            names.addAll(master.hostName(), master.ip(), master.internalIp());
        }
        if (!plan.controlPlaneEndpoint().isEmpty()) {
            names.add(plan.apiServerHost());
        }
        plan.apiServerCert().extraSans().forEach(names::add);
        return names;
    }

    static SubjectAltNames etcdAltNames(Node node) {
        return new SubjectAltNames().addAll(node.hostName(), node.ip(), node.internalIp(), "localhost", "127.0.0.1");
    }

    private static void checkHostName(Node node) {
        if (node.hostName() == null || !HOST_NAME.matcher(node.hostName()).matches() || node.hostName().contains("..")) {
            throw new IllegalArgumentException("node host name \"" + node.hostName()
                    + "\" cannot name its certificates: use letters, digits, dots and dashes");
        }
    }
}
