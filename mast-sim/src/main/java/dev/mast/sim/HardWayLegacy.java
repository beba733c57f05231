package dev.mast.sim;

import dev.mast.plan.Role;
import dev.mast.sim.machine.ClusterRecords;
import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.VirtualFs;
import java.io.IOException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link LegacyLayout#HARD_WAY}: a cluster set up as Kubernetes the Hard Way's v1.32 edition does
 * it. Controllers run etcd (plain HTTP on loopback), the API server, controller-manager and
 * scheduler from {@code /usr/local/bin}, with their files in {@code /var/lib/kubernetes} and no
 * kubelet, container runtime or kube-proxy; workers run containerd, the kubelet and kube-proxy
 * with theirs in {@code /var/lib/kubelet} and {@code /var/lib/kube-proxy}. The units are the
 * tutorial's, quoting and {@code --flag value} spelling included.
 */
final class HardWayLegacy extends LegacyCluster {
    static final String SERVICE_CIDR = "10.32.0.0/24";
    static final String POD_CIDR = "10.200.0.0/16";
    /** The name the tutorial gives the API server in every kubeconfig but the admin's, resolved through /etc/hosts. */
    static final String API_SERVER = "https://server.kubernetes.local:6443";
    static final String ISSUER = "https://server.kubernetes.local:6443";
    private static final String DIR = "/var/lib/kubernetes/";

    private final SimPki.Issued ca = SimPki.ca("CA");
    private final KeyPair serviceAccountKeys = SimPki.rsaKeyPair();
    private final SimPki.Issued serviceAccounts = SimPki.issue(ca, "service-accounts", null, List.of(), false, serviceAccountKeys);
    private final SimPki.Issued apiServer = SimPki.issue(ca, "kubernetes", null, List.of("127.0.0.1", "10.32.0.1", "kubernetes",
            "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster", "kubernetes.svc.cluster.local",
            "server.kubernetes.local", "api-server.kubernetes.local"), true);
    private final SimPki.Issued admin = SimPki.issue(ca, "admin", "system:masters", List.of(), false);
    private final SimPki.Issued controllerManager = SimPki.issue(ca, "system:kube-controller-manager",
            "system:kube-controller-manager", List.of(), false);
    private final SimPki.Issued scheduler = SimPki.issue(ca, "system:kube-scheduler", "system:kube-scheduler", List.of(), false);
    private final SimPki.Issued kubeProxy = SimPki.issue(ca, "system:kube-proxy", "system:node-proxier", List.of(), false);
    private final String encryptionKey = encryptionKey();

    HardWayLegacy(String name, String server, List<NodeSpec> nodes) {
        super(name, server, nodes);
    }

    @Override
    String podCidr() {
        return POD_CIDR;
    }

    @Override
    String serviceCidr() {
        return SERVICE_CIDR;
    }

    @Override
    boolean hasRuntime(NodeSpec node) {
        return !isController(node);
    }

    private static boolean isController(NodeSpec node) {
        return node.has(Role.MASTER);
    }

    @Override
    String adminKubeconfig() {
        return Kubeconfigs.render("kubernetes-the-hard-way", server, ca.certificatePem(), "admin", admin);
    }

    @Override
    ClusterRecords records() {
        return new ClusterRecords(List.of(token(serviceAccountKeys, ISSUER)), List.of(encryptionKey));
    }

    @Override
    void install(Machine machine, NodeSpec node) throws IOException {
        if (isController(node)) {
            installController(machine.fs(), node);
        } else {
            installWorker(machine, node);
        }
        machine.systemd().daemonReload();
    }

    private void installController(VirtualFs fs, NodeSpec node) throws IOException {
        String version = version(node);
        for (String program : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl")) {
            binary(fs, "/usr/local/bin/" + program, version);
        }
        binary(fs, "/usr/local/bin/etcd", "3.6.0");
        binary(fs, "/usr/local/bin/etcdctl", "3.6.0");
        fs.mkdirs("/etc/etcd", 0755);
        fs.mkdirs("/var/lib/etcd", 0700);
        write(fs, DIR + "ca.crt", ca.certificatePem(), 0644);
        write(fs, DIR + "ca.key", ca.keyPem(), 0600);
        write(fs, DIR + "kube-api-server.crt", apiServer.certificatePem(), 0644);
        write(fs, DIR + "kube-api-server.key", apiServer.keyPem(), 0600);
        write(fs, DIR + "service-accounts.crt", serviceAccounts.certificatePem(), 0644);
        write(fs, DIR + "service-accounts.key", serviceAccounts.keyPem(), 0600);
        write(fs, DIR + "encryption-config.yaml", encryptionConfig(encryptionKey), 0600);
        write(fs, DIR + "kube-controller-manager.kubeconfig", Kubeconfigs.render("kubernetes-the-hard-way", API_SERVER,
                ca.certificatePem(), "system:kube-controller-manager", controllerManager), 0600);
        write(fs, DIR + "kube-scheduler.kubeconfig", Kubeconfigs.render("kubernetes-the-hard-way", API_SERVER,
                ca.certificatePem(), "system:kube-scheduler", scheduler), 0600);
        write(fs, "/etc/kubernetes/config/kube-scheduler.yaml", """
                apiVersion: kubescheduler.config.k8s.io/v1
                kind: KubeSchedulerConfiguration
                clientConnection:
                  kubeconfig: "/var/lib/kubernetes/kube-scheduler.kubeconfig"
                leaderElection:
                  leaderElect: true
                """, 0644);
        write(fs, "/root/admin.kubeconfig", Kubeconfigs.render("kubernetes-the-hard-way", "https://127.0.0.1:6443",
                ca.certificatePem(), "admin", admin), 0600);
        write(fs, "/etc/systemd/system/etcd.service", etcdUnit(node), 0644);
        write(fs, "/etc/systemd/system/kube-apiserver.service", unit("Kubernetes API Server", "/usr/local/bin/kube-apiserver",
                List.of("--allow-privileged=true", "--apiserver-count=" + controllers().size(), "--audit-log-maxage=30",
                        "--audit-log-maxbackup=3", "--audit-log-maxsize=100", "--audit-log-path=/var/log/audit.log",
                        "--authorization-mode=Node,RBAC", "--bind-address=0.0.0.0", "--client-ca-file=" + DIR + "ca.crt",
                        "--enable-admission-plugins=NamespaceLifecycle,NodeRestriction,LimitRanger,ServiceAccount,"
                                + "DefaultStorageClass,ResourceQuota",
                        "--etcd-servers=http://127.0.0.1:2379", "--event-ttl=1h",
                        "--encryption-provider-config=" + DIR + "encryption-config.yaml",
                        "--kubelet-certificate-authority=" + DIR + "ca.crt",
                        "--kubelet-client-certificate=" + DIR + "kube-api-server.crt",
                        "--kubelet-client-key=" + DIR + "kube-api-server.key", "--runtime-config='api/all=true'",
                        "--service-account-key-file=" + DIR + "service-accounts.crt",
                        "--service-account-signing-key-file=" + DIR + "service-accounts.key",
                        "--service-account-issuer=" + ISSUER, "--service-cluster-ip-range=" + SERVICE_CIDR,
                        "--service-node-port-range=30000-32767", "--tls-cert-file=" + DIR + "kube-api-server.crt",
                        "--tls-private-key-file=" + DIR + "kube-api-server.key", "--v=2")), 0644);
        write(fs, "/etc/systemd/system/kube-controller-manager.service", unit("Kubernetes Controller Manager",
                "/usr/local/bin/kube-controller-manager", List.of("--bind-address=0.0.0.0", "--cluster-cidr=" + POD_CIDR,
                        "--cluster-name=kubernetes", "--cluster-signing-cert-file=" + DIR + "ca.crt",
                        "--cluster-signing-key-file=" + DIR + "ca.key",
                        "--kubeconfig=" + DIR + "kube-controller-manager.kubeconfig", "--root-ca-file=" + DIR + "ca.crt",
                        "--service-account-private-key-file=" + DIR + "service-accounts.key",
                        "--service-cluster-ip-range=" + SERVICE_CIDR, "--use-service-account-credentials=true", "--v=2")), 0644);
        write(fs, "/etc/systemd/system/kube-scheduler.service", unit("Kubernetes Scheduler", "/usr/local/bin/kube-scheduler",
                List.of("--config=/etc/kubernetes/config/kube-scheduler.yaml", "--v=2")), 0644);
    }

    private void installWorker(Machine machine, NodeSpec node) throws IOException {
        VirtualFs fs = machine.fs();
        String version = version(node);
        for (String program : List.of("kubelet", "kube-proxy", "kubectl")) {
            binary(fs, "/usr/local/bin/" + program, version);
        }
        binary(fs, "/usr/local/bin/crictl", "v1.32.0");
        String host = node.hostName();
        SimPki.Issued kubelet = SimPki.issue(ca, "system:node:" + host, "system:nodes", List.of(host, node.address()), true);
        write(fs, "/var/lib/kubelet/ca.crt", ca.certificatePem(), 0644);
        write(fs, "/var/lib/kubelet/kubelet.crt", kubelet.certificatePem(), 0644);
        write(fs, "/var/lib/kubelet/kubelet.key", kubelet.keyPem(), 0600);
        write(fs, "/var/lib/kubelet/kubeconfig", Kubeconfigs.render("kubernetes-the-hard-way", API_SERVER, ca.certificatePem(),
                "system:node:" + host, kubelet), 0600);
        write(fs, "/var/lib/kubelet/kubelet-config.yaml", """
                kind: KubeletConfiguration
                apiVersion: kubelet.config.k8s.io/v1beta1
                address: "0.0.0.0"
                authentication:
                  anonymous:
                    enabled: false
                  webhook:
                    enabled: true
                  x509:
                    clientCAFile: "/var/lib/kubelet/ca.crt"
                authorization:
                  mode: Webhook
                clusterDomain: "cluster.local"
                clusterDNS:
                  - "10.32.0.10"
                cgroupDriver: systemd
                containerRuntimeEndpoint: "unix:///var/run/containerd/containerd.sock"
                enableServer: true
                failSwapOn: false
                maxPods: 16
                podCIDR: "10.200.%d.0/24"
                port: 10250
                registerNode: true
                runtimeRequestTimeout: "15m"
                tlsCertFile: "/var/lib/kubelet/kubelet.crt"
                tlsPrivateKeyFile: "/var/lib/kubelet/kubelet.key"
                """.formatted(nodes.indexOf(node)), 0644);
        write(fs, "/var/lib/kube-proxy/kubeconfig", Kubeconfigs.render("kubernetes-the-hard-way", API_SERVER, ca.certificatePem(),
                "system:kube-proxy", kubeProxy), 0600);
        write(fs, "/var/lib/kube-proxy/kube-proxy-config.yaml", """
                kind: KubeProxyConfiguration
                apiVersion: kubeproxy.config.k8s.io/v1alpha1
                clientConnection:
                  kubeconfig: "/var/lib/kube-proxy/kubeconfig"
                mode: "iptables"
                clusterCIDR: "%s"
                """.formatted(POD_CIDR), 0644);
        write(fs, "/etc/systemd/system/kubelet.service", unit("Kubernetes Kubelet", "/usr/local/bin/kubelet",
                List.of("--config=/var/lib/kubelet/kubelet-config.yaml", "--kubeconfig=/var/lib/kubelet/kubeconfig", "--v=2"))
                .replace("\n\n[Service]", "\nAfter=containerd.service\nRequires=containerd.service\n\n[Service]"), 0644);
        write(fs, "/etc/systemd/system/kube-proxy.service", unit("Kubernetes Kube Proxy", "/usr/local/bin/kube-proxy",
                List.of("--config=/var/lib/kube-proxy/kube-proxy-config.yaml")), 0644);
    }

    private List<NodeSpec> controllers() {
        return nodes.stream().filter(HardWayLegacy::isController).toList();
    }

    /**
     * The tutorial's etcd: one member on loopback over plain HTTP, flags spelt {@code --flag value}.
     * With several controllers the members also listen on the node's address, for each other.
     */
    private String etcdUnit(NodeSpec node) {
        List<NodeSpec> members = etcdMembers();
        boolean alone = members.size() == 1;
        String peer = "http://" + (alone ? "127.0.0.1" : node.address()) + ":2380";
        String clients = "http://127.0.0.1:2379" + (alone ? "" : ",http://" + node.address() + ":2379");
        String cluster = members.stream().map(m -> m.hostName() + "=http://" + (alone ? "127.0.0.1" : m.address()) + ":2380")
                .collect(Collectors.joining(","));
        return unit("etcd", "/usr/local/bin/etcd", List.of("--name " + node.hostName(), "--initial-advertise-peer-urls " + peer,
                "--listen-peer-urls " + peer, "--listen-client-urls " + clients, "--advertise-client-urls " + clients,
                "--initial-cluster-token etcd-cluster-0", "--initial-cluster " + cluster, "--initial-cluster-state new",
                "--data-dir=/var/lib/etcd")).replace("[Service]\n", "[Service]\nType=notify\n");
    }

    private static String unit(String description, String program, List<String> flags) {
        List<String> lines = new ArrayList<>();
        lines.add("ExecStart=" + program + " \\");
        for (int i = 0; i < flags.size(); i++) {
            lines.add("  " + flags.get(i) + (i + 1 < flags.size() ? " \\" : ""));
        }
        return "[Unit]\nDescription=" + description + "\nDocumentation=https://github.com/kubernetes/kubernetes\n\n[Service]\n"
                + String.join("\n", lines) + "\nRestart=on-failure\nRestartSec=5\n\n[Install]\nWantedBy=multi-user.target\n";
    }

    @Override
    List<String> etcdServices(NodeSpec node) {
        return List.of("etcd.service");
    }

    @Override
    List<String> services(NodeSpec node) {
        return isController(node) ? List.of("kube-apiserver.service", "kube-controller-manager.service", "kube-scheduler.service")
                : List.of("kubelet.service", "kube-proxy.service");
    }
}
