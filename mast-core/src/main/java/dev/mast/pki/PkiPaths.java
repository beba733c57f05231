package dev.mast.pki;

/**
 * Where the PKI files live on a node: kubeadm's paths, so flags, manifests and operators'
 * habits carry over. Manifests and the kubelet configuration refer to these constants.
 */
public final class PkiPaths {
    public static final String KUBERNETES_DIR = "/etc/kubernetes";
    public static final String PKI_DIR = KUBERNETES_DIR + "/pki";
    public static final String ETCD_PKI_DIR = PKI_DIR + "/etcd";

    public static final String CA_CERT = PKI_DIR + "/ca.crt";
    public static final String CA_KEY = PKI_DIR + "/ca.key";
    public static final String APISERVER_CERT = PKI_DIR + "/apiserver.crt";
    public static final String APISERVER_KEY = PKI_DIR + "/apiserver.key";
    public static final String APISERVER_KUBELET_CLIENT_CERT = PKI_DIR + "/apiserver-kubelet-client.crt";
    public static final String APISERVER_KUBELET_CLIENT_KEY = PKI_DIR + "/apiserver-kubelet-client.key";
    public static final String FRONT_PROXY_CA_CERT = PKI_DIR + "/front-proxy-ca.crt";
    public static final String FRONT_PROXY_CA_KEY = PKI_DIR + "/front-proxy-ca.key";
    public static final String FRONT_PROXY_CLIENT_CERT = PKI_DIR + "/front-proxy-client.crt";
    public static final String FRONT_PROXY_CLIENT_KEY = PKI_DIR + "/front-proxy-client.key";
    public static final String SA_KEY = PKI_DIR + "/sa.key";
    public static final String SA_PUB = PKI_DIR + "/sa.pub";
    public static final String APISERVER_ETCD_CLIENT_CERT = PKI_DIR + "/apiserver-etcd-client.crt";
    public static final String APISERVER_ETCD_CLIENT_KEY = PKI_DIR + "/apiserver-etcd-client.key";

    public static final String ETCD_CA_CERT = ETCD_PKI_DIR + "/ca.crt";
    public static final String ETCD_CA_KEY = ETCD_PKI_DIR + "/ca.key";
    public static final String ETCD_SERVER_CERT = ETCD_PKI_DIR + "/server.crt";
    public static final String ETCD_SERVER_KEY = ETCD_PKI_DIR + "/server.key";
    public static final String ETCD_PEER_CERT = ETCD_PKI_DIR + "/peer.crt";
    public static final String ETCD_PEER_KEY = ETCD_PKI_DIR + "/peer.key";
    public static final String ETCD_HEALTHCHECK_CLIENT_CERT = ETCD_PKI_DIR + "/healthcheck-client.crt";
    public static final String ETCD_HEALTHCHECK_CLIENT_KEY = ETCD_PKI_DIR + "/healthcheck-client.key";

    public static final String ADMIN_CONF = KUBERNETES_DIR + "/admin.conf";
    public static final String SUPER_ADMIN_CONF = KUBERNETES_DIR + "/super-admin.conf";
    public static final String CONTROLLER_MANAGER_CONF = KUBERNETES_DIR + "/controller-manager.conf";
    public static final String SCHEDULER_CONF = KUBERNETES_DIR + "/scheduler.conf";
    public static final String KUBELET_CONF = KUBERNETES_DIR + "/kubelet.conf";
    public static final String KUBE_PROXY_CONF = KUBERNETES_DIR + "/kube-proxy.conf";

    private PkiPaths() {
    }
}
