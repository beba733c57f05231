package dev.mast.sim;

import dev.mast.plan.Role;
import dev.mast.sim.machine.RuntimeBackend;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The unit files and configuration of a systemd-run cluster on kubeadm's paths, installed from
 * distribution-style packages, with the flags such clusters had, including a few that are not
 * Mast's own ({@code --audit-log-maxage 30}, {@code --terminated-pod-gc-threshold=100},
 * {@code --conntrack-max-per-core=0}, {@code --v=2}).
 */
final class KubeadmUnits {
    private KubeadmUnits() {
    }

    private static String unit(String description, String execStart, boolean notify) {
        return "[Unit]\nDescription=" + description + "\nDocumentation=https://kubernetes.io/docs/\nAfter=network.target\n\n"
                + "[Service]\n" + (notify ? "Type=notify\n" : "") + "ExecStart=" + execStart + "\nRestart=on-failure\nRestartSec=5\n"
                + "LimitNOFILE=65536\n\n[Install]\nWantedBy=multi-user.target\n";
    }

    private static String lines(String program, List<String> flags) {
        return program + " \\\n" + flags.stream().map(f -> "  " + f).collect(Collectors.joining(" \\\n"));
    }

    /**
     * The API server as distribution packages run it: the package's unit reads its flags from
     * {@code /etc/kubernetes/config} and {@code /etc/kubernetes/apiserver} as {@code $VARS}.
     */
    static String apiserver() {
        return "[Unit]\nDescription=Kubernetes API Server\nDocumentation=https://kubernetes.io/docs/\nAfter=network.target\n\n"
                + "[Service]\nType=notify\nEnvironmentFile=-/etc/kubernetes/config\nEnvironmentFile=-/etc/kubernetes/apiserver\n"
                + "ExecStart=/usr/bin/kube-apiserver " + API_VARIABLES + "\n"
                + "Restart=on-failure\nRestartSec=5\nLimitNOFILE=65536\n\n[Install]\nWantedBy=multi-user.target\n";
    }

    private static final String API_VARIABLES = "$KUBE_LOG_LEVEL $KUBE_ETCD_SERVERS $KUBE_API_ADDRESS $KUBE_API_PORT"
            + " $KUBE_SERVICE_ADDRESSES $KUBE_ADMISSION_CONTROL $KUBE_API_ARGS";

    /** {@code /etc/kubernetes/config}: what the packages' units share. */
    static String sharedConfig() {
        return "###\n# kubernetes system config, read by every kube-* unit\nKUBE_LOGTOSTDERR=\"--logtostderr=true\"\n"
                + "KUBE_LOG_LEVEL=\"--v=2\"\n";
    }

    /** {@code /etc/kubernetes/apiserver}: the API server's own variables, some holding several flags. */
    static String apiserverConfig(NodeSpec node, String etcdServers, String serviceCidr) {
        return "###\n# kubernetes system config: the API server\n"
                + "KUBE_API_ADDRESS=\"--advertise-address=" + node.address() + " --bind-address=0.0.0.0\"\n"
                + "KUBE_API_PORT=\"--secure-port=6443\"\n"
                + "KUBE_ETCD_SERVERS=\"--etcd-servers=" + etcdServers + "\"\n"
                + "KUBE_SERVICE_ADDRESSES=\"--service-cluster-ip-range=" + serviceCidr + "\"\n"
                + "KUBE_ADMISSION_CONTROL=\"--enable-admission-plugins=NodeRestriction\"\n"
                + "KUBE_API_ARGS=\"" + String.join(" ", List.of(
                "--allow-privileged=true",
                "--authorization-mode=Node,RBAC",
                "--client-ca-file=/etc/kubernetes/pki/ca.crt",
                "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
                "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt",
                "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key",
                "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
                "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key",
                "--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt",
                "--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key",
                "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
                "--requestheader-allowed-names=front-proxy-client",
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--service-account-key-file=/etc/kubernetes/pki/sa.pub",
                "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
                "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
                "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key")) + "\"\n";
    }

    /**
     * An administrator's drop-in that turns on auditing: it replaces the command (an empty
     * {@code ExecStart=} first), adds a variable of its own, and spells flags {@code --flag value}.
     */
    static String auditDropIn() {
        return "# Auditing, added after the packages were installed\n[Service]\n"
                + "Environment=\"AUDIT_POLICY=/etc/kubernetes/audit-policy.yaml\" \"AUDIT_LOG=/var/log/kubernetes/audit.log\"\n"
                + "ExecStart=\nExecStart=/usr/bin/kube-apiserver " + API_VARIABLES + " \\\n"
                + "  --audit-policy-file ${AUDIT_POLICY} --audit-log-path ${AUDIT_LOG} \\\n"
                + "  --audit-log-maxage 30 --audit-log-maxbackup=10\n";
    }

    static String auditPolicy() {
        return "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n";
    }

    static String controllerManager(String clusterName, String podCidr, String serviceCidr) {
        return unit("Kubernetes Controller Manager", lines("/usr/bin/kube-controller-manager", List.of(
                "--allocate-node-cidrs=true",
                "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
                "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf",
                "--bind-address=127.0.0.1",
                "--client-ca-file=/etc/kubernetes/pki/ca.crt",
                "--cluster-cidr=" + podCidr,
                "--cluster-name=" + clusterName,
                "--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt",
                "--cluster-signing-key-file=/etc/kubernetes/pki/ca.key",
                "--kubeconfig=/etc/kubernetes/controller-manager.conf",
                "--leader-elect=true",
                "--root-ca-file=/etc/kubernetes/pki/ca.crt",
                "--service-account-private-key-file=/etc/kubernetes/pki/sa.key",
                "--service-cluster-ip-range=" + serviceCidr,
                "--use-service-account-credentials=true",
                "--terminated-pod-gc-threshold=100",
                "--v=2")), false);
    }

    static String scheduler() {
        return unit("Kubernetes Scheduler", lines("/usr/bin/kube-scheduler", List.of(
                "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
                "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf",
                "--bind-address=127.0.0.1",
                "--kubeconfig=/etc/kubernetes/scheduler.conf",
                "--leader-elect=true",
                "--v=2")), false);
    }

    static String kubeProxy(NodeSpec node, String podCidr) {
        return unit("Kubernetes Kube-Proxy Server", lines("/usr/bin/kube-proxy", List.of(
                "--kubeconfig=/etc/kubernetes/kube-proxy.conf",
                "--cluster-cidr=" + podCidr,
                "--hostname-override=" + node.hostName(),
                "--proxy-mode=iptables",
                "--conntrack-max-per-core=0",
                "--v=2")), false);
    }

    /** /etc/default/etcd, read by the etcd-server package's unit as $DAEMON_ARGS. */
    static String etcdDefaults(NodeSpec node, List<NodeSpec> nodes) {
        String cluster = nodes.stream().filter(n -> n.has(Role.ETCD))
                .map(n -> n.hostName() + "=https://" + n.address() + ":2380").collect(Collectors.joining(","));
        String a = node.address();
        return "## etcd(1) daemon options, written when this cluster was set up\n"
                + "DAEMON_ARGS=\"--name=" + node.hostName() + " --data-dir=/var/lib/etcd"
                + " --listen-client-urls=https://" + a + ":2379,https://127.0.0.1:2379 --advertise-client-urls=https://" + a + ":2379"
                + " --listen-peer-urls=https://" + a + ":2380 --initial-advertise-peer-urls=https://" + a + ":2380"
                + " --initial-cluster=" + cluster + " --initial-cluster-state=new"
                + " --cert-file=/etc/kubernetes/pki/etcd/server.crt --key-file=/etc/kubernetes/pki/etcd/server.key"
                + " --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt --client-cert-auth=true"
                + " --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt --peer-key-file=/etc/kubernetes/pki/etcd/peer.key"
                + " --peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt --peer-client-cert-auth=true"
                + " --listen-metrics-urls=http://127.0.0.1:2381\"\n";
    }

    static String kubeletConfig(RuntimeBackend backend) {
        return """
                apiVersion: kubelet.config.k8s.io/v1beta1
                kind: KubeletConfiguration
                authentication:
                  anonymous:
                    enabled: false
                  webhook:
                    enabled: true
                  x509:
                    clientCAFile: /etc/kubernetes/pki/ca.crt
                authorization:
                  mode: Webhook
                cgroupDriver: systemd
                clusterDNS:
                - 10.96.0.10
                clusterDomain: cluster.local
                containerRuntimeEndpoint: %s
                staticPodPath: /etc/kubernetes/manifests
                """.formatted(backend.endpoint());
    }
}
