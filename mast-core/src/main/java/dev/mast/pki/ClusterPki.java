package dev.mast.pki;

import static dev.mast.pki.ClusterCertificates.*;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.files.NodeFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A complete PKI for one plan, as {@link PkiStore#loadOrCreate} returns it: the credentials,
 * the kubeconfigs built from them, and the PKI files each node gets at kubeadm's paths.
 */
public final class ClusterPki {
    private final Plan plan;
    private final Map<String, Credential> credentials;
    private final ServiceAccountKey serviceAccountKey;
    private final List<PkiChange> changes;

    ClusterPki(Plan plan, Map<String, Credential> credentials, ServiceAccountKey serviceAccountKey, List<PkiChange> changes) {
        this.plan = plan;
        this.credentials = Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
        this.serviceAccountKey = serviceAccountKey;
        this.changes = List.copyOf(changes);
    }

    public Plan plan() {
        return plan;
    }

    /** What this load created or re-issued, in order; empty when everything was reused. */
    public List<PkiChange> changes() {
        return changes;
    }

    /** A credential by its {@link ClusterCertificates} name, e.g. {@code apiserver} or {@code etcd/ca}. */
    public Credential credential(String name) {
        Credential credential = credentials.get(name);
        if (credential == null) {
            throw new IllegalArgumentException("no credential \"" + name + "\" in the PKI of " + plan.name());
        }
        return credential;
    }

    public ServiceAccountKey serviceAccountKey() {
        return serviceAccountKey;
    }

    /** The cluster CA certificate, for a kubeconfig or a client that talks to the API server. */
    public String caCertificatePem() {
        return credential(CA).certificatePem();
    }

    /** admin.conf for the user's own machine: {@code kubernetes-admin}, through {@link Plan#apiServerUrl()}. */
    public String adminKubeconfig() {
        return kubeconfig(ADMIN, plan.apiServerUrl());
    }

    /**
     * super-admin.conf ({@code system:masters}): needed once to create the ClusterRoleBinding that
     * gives {@value ClusterCertificates#CLUSTER_ADMINS_GROUP} its rights, and for emergencies.
     */
    public String superAdminKubeconfig() {
        return kubeconfig(SUPER_ADMIN, plan.apiServerUrl());
    }

    /** Every PKI file {@code node} gets, sorted by path; keys and kubeconfigs are secret (0600). */
    public List<NodeFile> nodeFiles(Node node) {
        Node planned = plan.nodes().stream().filter(n -> n.hostName().equals(node.hostName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("node " + node.hostName() + " is not in plan " + plan.name()));
        var files = new TreeMap<String, NodeFile>();
        put(files, NodeFile.text(PkiPaths.CA_CERT, credential(CA).certificatePem(), NodeFile.PUBLIC));
        put(files, NodeFile.secret(PkiPaths.KUBELET_CONF,
                kubeconfig(kubeletClient(planned.hostName()), plan.apiServerUrl())));
        put(files, NodeFile.secret(PkiPaths.KUBE_PROXY_CONF, kubeconfig(KUBE_PROXY, plan.apiServerUrl())));
        if (planned.has(Role.MASTER)) {
            masterFiles(planned).forEach(file -> put(files, file));
        }
        if (planned.has(Role.ETCD)) {
            etcdFiles(planned).forEach(file -> put(files, file));
        }
        return List.copyOf(files.values());
    }

    private List<NodeFile> masterFiles(Node master) {
        var files = new ArrayList<NodeFile>();
        pair(files, CA, PkiPaths.CA_CERT, PkiPaths.CA_KEY);
        pair(files, APISERVER, PkiPaths.APISERVER_CERT, PkiPaths.APISERVER_KEY);
        pair(files, APISERVER_KUBELET_CLIENT, PkiPaths.APISERVER_KUBELET_CLIENT_CERT, PkiPaths.APISERVER_KUBELET_CLIENT_KEY);
        pair(files, FRONT_PROXY_CA, PkiPaths.FRONT_PROXY_CA_CERT, PkiPaths.FRONT_PROXY_CA_KEY);
        pair(files, FRONT_PROXY_CLIENT, PkiPaths.FRONT_PROXY_CLIENT_CERT, PkiPaths.FRONT_PROXY_CLIENT_KEY);
        pair(files, APISERVER_ETCD_CLIENT, PkiPaths.APISERVER_ETCD_CLIENT_CERT, PkiPaths.APISERVER_ETCD_CLIENT_KEY);
        files.add(NodeFile.text(PkiPaths.ETCD_CA_CERT, credential(ETCD_CA).certificatePem(), NodeFile.PUBLIC));
        files.add(NodeFile.secret(PkiPaths.SA_KEY, serviceAccountKey.privateKeyPem()));
        files.add(NodeFile.text(PkiPaths.SA_PUB, serviceAccountKey.publicKeyPem(), NodeFile.PUBLIC));

        files.add(NodeFile.secret(PkiPaths.ADMIN_CONF, adminKubeconfig()));
        // Like kubeadm, the controller-manager and scheduler talk to the API server on their own
        // node, so they keep working while the load balancer or another master is down.
        String local = "https://" + master.internalIp() + ":" + plan.apiServerPort();
        files.add(NodeFile.secret(PkiPaths.CONTROLLER_MANAGER_CONF, kubeconfig(CONTROLLER_MANAGER, local)));
        files.add(NodeFile.secret(PkiPaths.SCHEDULER_CONF, kubeconfig(SCHEDULER, local)));
        // kubeadm leaves super-admin.conf only on the node it initialised the cluster from.
        if (master.hostName().equals(plan.masters().get(0).hostName())) {
            files.add(NodeFile.secret(PkiPaths.SUPER_ADMIN_CONF, superAdminKubeconfig()));
        }
        return files;
    }

    private List<NodeFile> etcdFiles(Node member) {
        var files = new ArrayList<NodeFile>();
        files.add(NodeFile.text(PkiPaths.ETCD_CA_CERT, credential(ETCD_CA).certificatePem(), NodeFile.PUBLIC));
        pair(files, etcdServer(member.hostName()), PkiPaths.ETCD_SERVER_CERT, PkiPaths.ETCD_SERVER_KEY);
        pair(files, etcdPeer(member.hostName()), PkiPaths.ETCD_PEER_CERT, PkiPaths.ETCD_PEER_KEY);
        pair(files, ETCD_HEALTHCHECK_CLIENT, PkiPaths.ETCD_HEALTHCHECK_CLIENT_CERT, PkiPaths.ETCD_HEALTHCHECK_CLIENT_KEY);
        return files;
    }

    private void pair(List<NodeFile> files, String name, String certificatePath, String keyPath) {
        Credential credential = credential(name);
        files.add(NodeFile.text(certificatePath, credential.certificatePem(), NodeFile.PUBLIC));
        files.add(NodeFile.secret(keyPath, credential.privateKeyPem()));
    }

    private static void put(Map<String, NodeFile> files, NodeFile file) {
        files.put(file.path(), file);
    }

    private String kubeconfig(String clientName, String server) {
        return Kubeconfig.render(plan.name(), server, caCertificatePem(), credential(clientName));
    }

    @Override
    public String toString() {
        return "ClusterPki[" + plan.name() + ", " + credentials.size() + " certificates]";
    }
}
