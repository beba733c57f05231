package dev.mast.sim;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Role;
import dev.mast.sim.machine.BinaryVersion;
import dev.mast.sim.machine.ClusterRecords;
import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.PackageDef;
import dev.mast.sim.machine.RuntimeBackend;
import dev.mast.sim.machine.VirtualFs;
import java.io.IOException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link LegacyLayout#KISMATIC}: a cluster as Kismatic up to v1.2 left it. The binaries come from
 * {@code kismatic-kubernetes-master} (API server, controller-manager, scheduler, kubectl) and
 * {@code kismatic-kubernetes-node} (kubelet, kube-proxy), networking from
 * {@code kismatic-kubernetes-networking}, etcd from {@code kismatic-etcd}; the installer's Ansible
 * wrote the units to {@code /etc/systemd/system}, every value an {@code Environment=} line used as
 * {@code ${VAR}}. One CA signed everything, etcd included; its key stayed on the installer's machine
 * ({@code generated/keys}), so no node has it. Kubeconfigs name their certificates by path.
 */
final class KismaticLegacy extends LegacyCluster {
    static final String SERVICE_CIDR = "172.20.0.0/16";
    static final String POD_CIDR = "172.16.0.0/16";
    static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
    private static final String PKI = "/etc/kubernetes/pki/";
    private static final String ETCD = "/etc/etcd_k8s/";
    private static final String PACKAGE_VERSION = "1.2.0-1";

    private final SimPki.Issued ca = SimPki.ca("kubernetes");
    private final KeyPair serviceAccount = SimPki.rsaKeyPair();
    private final SimPki.Issued admin = SimPki.issue(ca, "admin", "system:masters", List.of(), false);
    private final Map<String, SimPki.Issued> clients = new LinkedHashMap<>();
    private final String encryptionKey = encryptionKey();

    KismaticLegacy(String name, String server, List<NodeSpec> nodes) {
        super(name, server, nodes);
        clients.put("controller-manager", SimPki.issue(ca, "system:kube-controller-manager", null, List.of(), false));
        clients.put("scheduler", SimPki.issue(ca, "system:kube-scheduler", null, List.of(), false));
        clients.put("kube-proxy", SimPki.issue(ca, "system:kube-proxy", null, List.of(), false));
        clients.put("etcd-client", SimPki.issue(ca, "etcd-client", null, List.of(), false));
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
    String adminKubeconfig() {
        return Kubeconfigs.render(name, server, ca.certificatePem(), "admin", admin);
    }

    @Override
    ClusterRecords records() {
        return new ClusterRecords(List.of(token(serviceAccount, ISSUER)), List.of(encryptionKey));
    }

    @Override
    Optional<Map<String, String>> installerFiles() {
        return Optional.of(Map.of("generated/keys/ca.pem", ca.certificatePem(), "generated/keys/ca-key.pem", ca.keyPem()));
    }

    @Override
    List<PackageDef> packages() {
        String version = version(nodes.get(0));
        return List.of(
                new PackageDef("kismatic-kubernetes-master", PACKAGE_VERSION, "Kubernetes master binaries",
                        List.of("kismatic-kubernetes-node", "kismatic-kubernetes-networking"),
                        binaries(version, "/usr/bin/kube-apiserver", "/usr/bin/kube-controller-manager", "/usr/bin/kube-scheduler",
                                "/usr/bin/kubectl"), List.of()),
                new PackageDef("kismatic-kubernetes-node", PACKAGE_VERSION, "Kubernetes node binaries",
                        List.of("kismatic-kubernetes-networking"), binaries(version, "/usr/bin/kubelet", "/usr/bin/kube-proxy"), List.of()),
                new PackageDef("kismatic-kubernetes-networking", PACKAGE_VERSION, "Kubernetes networking binaries", List.of(),
                        binaries("v1.6.2", "/usr/bin/calicoctl", "/opt/cni/bin/calico"), List.of()),
                new PackageDef("kismatic-etcd", PACKAGE_VERSION, "Etcd kubernetes and networking binaries", List.of(),
                        binaries("3.5.21", "/usr/bin/etcd", "/usr/bin/etcdctl"), List.of()));
    }

    private static List<PackageDef.PackageFile> binaries(String version, String... paths) {
        List<PackageDef.PackageFile> files = new ArrayList<>();
        for (String path : paths) {
            files.add(new PackageDef.PackageFile(path, BinaryVersion.marker(path.substring(path.lastIndexOf('/') + 1), version),
                    0755, false));
        }
        return files;
    }

    @Override
    void install(Machine machine, NodeSpec node) throws IOException {
        VirtualFs fs = machine.fs();
        List<String> packages = new ArrayList<>(List.of("kismatic-kubernetes-node"));
        write(fs, PKI + "ca.pem", ca.certificatePem(), 0644);
        if (node.has(Role.ETCD)) {
            packages.add("kismatic-etcd");
            SimPki.Issued etcd = SimPki.issue(ca, node.hostName(), null, List.of(node.address(), node.hostName(), "127.0.0.1"), true);
            write(fs, ETCD + "ca.pem", ca.certificatePem(), 0644);
            write(fs, ETCD + "etcd.pem", etcd.certificatePem(), 0644);
            write(fs, ETCD + "etcd-key.pem", etcd.keyPem(), 0600);
            write(fs, "/etc/systemd/system/etcd_k8s.service", etcdUnit(node), 0644);
        }
        if (node.has(Role.MASTER)) {
            packages.add("kismatic-kubernetes-master");
            installMaster(fs, node);
        }
        String host = node.hostName();
        SimPki.Issued kubelet = SimPki.issue(ca, "system:node:" + host, "system:nodes", List.of(host, node.address()), true);
        pair(fs, "kubelet", kubelet);
        pair(fs, "kube-proxy", clients.get("kube-proxy"));
        write(fs, "/etc/kubernetes/kubelet.conf", kubeconfig("system:node:" + host, "kubelet"), 0600);
        write(fs, "/etc/kubernetes/kube-proxy.conf", kubeconfig("system:kube-proxy", "kube-proxy"), 0600);
        BaseSystem.install(machine, packages, false);
        RuntimeBackend backend = node.runtime() == ContainerRuntime.DOCKER ? RuntimeBackend.DOCKER : RuntimeBackend.CONTAINERD;
        write(fs, "/etc/crictl.yaml", "runtime-endpoint: " + backend.endpoint() + "\nimage-endpoint: " + backend.endpoint() + "\n", 0644);
        write(fs, "/etc/systemd/system/kubelet.service", unit("Kubernetes Kubelet", List.of(
                "INTERNAL_IP=" + node.address(), "HOSTNAME=" + host, "KUBECONFIG=/etc/kubernetes/kubelet.conf",
                "POD_MANIFEST_PATH=/etc/kubernetes/manifests", "RUNTIME_ENDPOINT=" + backend.endpoint()), "/usr/bin/kubelet", List.of(
                "--cluster-dns=172.20.0.2", "--cluster-domain=cluster.local", "--container-runtime-endpoint=${RUNTIME_ENDPOINT}",
                "--hostname-override=${HOSTNAME}", "--kubeconfig=${KUBECONFIG}", "--node-ip=${INTERNAL_IP}",
                "--pod-manifest-path=${POD_MANIFEST_PATH}", "--tls-cert-file=" + PKI + "kubelet.pem",
                "--tls-private-key-file=" + PKI + "kubelet-key.pem", "--v=2")), 0644);
        write(fs, "/etc/systemd/system/kube-proxy.service", unit("Kubernetes Kube Proxy", List.of(
                "HOSTNAME=" + host, "KUBECONFIG=/etc/kubernetes/kube-proxy.conf", "CLUSTER_CIDR=" + POD_CIDR), "/usr/bin/kube-proxy",
                List.of("--cluster-cidr=${CLUSTER_CIDR}", "--hostname-override=${HOSTNAME}", "--kubeconfig=${KUBECONFIG}",
                        "--proxy-mode=iptables", "--v=2")), 0644);
        machine.systemd().daemonReload();
    }

    private void installMaster(VirtualFs fs, NodeSpec node) throws IOException {
        List<String> sans = new ArrayList<>(List.of("127.0.0.1", "172.20.0.1", "kubernetes", "kubernetes.default",
                "kubernetes.default.svc", "kubernetes.default.svc.cluster.local", node.address(), node.hostName()));
        pair(fs, "api-server", SimPki.issue(ca, "kube-apiserver", null, sans, true));
        pair(fs, "etcd-client", clients.get("etcd-client"));
        pair(fs, "controller-manager", clients.get("controller-manager"));
        pair(fs, "scheduler", clients.get("scheduler"));
        write(fs, PKI + "service-account-key.pem", SimPki.pem(serviceAccount.getPrivate()), 0600);
        write(fs, "/etc/kubernetes/encryption-config.yaml", encryptionConfig(encryptionKey), 0600);
        write(fs, "/etc/kubernetes/controller-manager.conf", kubeconfig("system:kube-controller-manager", "controller-manager"), 0600);
        write(fs, "/etc/kubernetes/scheduler.conf", kubeconfig("system:kube-scheduler", "scheduler"), 0600);
        write(fs, "/root/.kube/config", Kubeconfigs.render(name, "https://127.0.0.1:6443", ca.certificatePem(), "admin", admin), 0600);
        String etcdServers = etcdMembers().stream().map(m -> "https://" + m.address() + ":2379").collect(Collectors.joining(","));
        write(fs, "/etc/systemd/system/kube-apiserver.service", unit("Kubernetes API Server", List.of(
                "ADVERTISE_ADDRESS=" + node.address(), "ETCD_SERVERS=" + etcdServers, "SERVICE_CIDR=" + SERVICE_CIDR,
                "CA_FILE=" + PKI + "ca.pem", "CERT_FILE=" + PKI + "api-server.pem", "KEY_FILE=" + PKI + "api-server-key.pem",
                "ETCD_CERT_FILE=" + PKI + "etcd-client.pem", "ETCD_KEY_FILE=" + PKI + "etcd-client-key.pem",
                "SA_KEY_FILE=" + PKI + "service-account-key.pem", "APISERVER_COUNT=" + masters().size()),
                "/usr/bin/kube-apiserver", List.of("--advertise-address=${ADVERTISE_ADDRESS}", "--allow-privileged=true",
                        "--anonymous-auth=false", "--apiserver-count=${APISERVER_COUNT}", "--authorization-mode=Node,RBAC",
                        "--bind-address=0.0.0.0", "--client-ca-file=${CA_FILE}", "--enable-admission-plugins=NamespaceLifecycle,"
                                + "LimitRanger,ServiceAccount,DefaultStorageClass,ResourceQuota,NodeRestriction",
                        "--encryption-provider-config=/etc/kubernetes/encryption-config.yaml", "--etcd-cafile=${CA_FILE}",
                        "--etcd-certfile=${ETCD_CERT_FILE}", "--etcd-keyfile=${ETCD_KEY_FILE}", "--etcd-servers=${ETCD_SERVERS}",
                        "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname", "--secure-port=6443",
                        "--service-account-issuer=" + ISSUER, "--service-account-key-file=${SA_KEY_FILE}",
                        "--service-account-signing-key-file=${SA_KEY_FILE}", "--service-cluster-ip-range=${SERVICE_CIDR}",
                        "--tls-cert-file=${CERT_FILE}", "--tls-private-key-file=${KEY_FILE}", "--v=2")), 0644);
        write(fs, "/etc/systemd/system/kube-controller-manager.service", unit("Kubernetes Controller Manager", List.of(
                "KUBECONFIG=/etc/kubernetes/controller-manager.conf", "CA_FILE=" + PKI + "ca.pem",
                "SA_KEY_FILE=" + PKI + "service-account-key.pem", "CLUSTER_CIDR=" + POD_CIDR, "SERVICE_CIDR=" + SERVICE_CIDR),
                "/usr/bin/kube-controller-manager", List.of("--allocate-node-cidrs=true", "--cluster-cidr=${CLUSTER_CIDR}",
                        "--cluster-name=" + name, "--kubeconfig=${KUBECONFIG}", "--leader-elect=true", "--root-ca-file=${CA_FILE}",
                        "--service-account-private-key-file=${SA_KEY_FILE}", "--service-cluster-ip-range=${SERVICE_CIDR}",
                        "--use-service-account-credentials=true", "--v=2")), 0644);
        write(fs, "/etc/systemd/system/kube-scheduler.service", unit("Kubernetes Scheduler", List.of(
                "KUBECONFIG=/etc/kubernetes/scheduler.conf"), "/usr/bin/kube-scheduler", List.of("--kubeconfig=${KUBECONFIG}",
                "--leader-elect=true", "--v=2")), 0644);
    }

    private List<NodeSpec> masters() {
        return nodes.stream().filter(n -> n.has(Role.MASTER)).toList();
    }

    /** A client's kubeconfig as Kismatic writes it: the CA and the client's pair named by path. */
    private String kubeconfig(String user, String pair) {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: " + name + "\n  cluster:\n    certificate-authority: " + PKI
                + "ca.pem\n    server: \"" + server + "\"\nusers:\n- name: " + user + "\n  user:\n    client-certificate: " + PKI
                + pair + ".pem\n    client-key: " + PKI + pair + "-key.pem\ncontexts:\n- name: kubernetes\n  context:\n    cluster: "
                + name + "\n    user: " + user + "\ncurrent-context: kubernetes\n";
    }

    private static void pair(VirtualFs fs, String name, SimPki.Issued issued) throws IOException {
        write(fs, PKI + name + ".pem", issued.certificatePem(), 0644);
        write(fs, PKI + name + "-key.pem", issued.keyPem(), 0600);
    }

    private String etcdUnit(NodeSpec node) {
        String cluster = etcdMembers().stream().map(m -> m.hostName() + "=https://" + m.address() + ":2380").collect(Collectors.joining(","));
        return unit("etcd key-value store", List.of("ETCD_NAME=" + node.hostName(), "ETCD_IP=" + node.address(),
                "ETCD_CLUSTER=" + cluster), "/usr/bin/etcd", List.of("--name=${ETCD_NAME}", "--data-dir=/var/lib/etcd_k8s",
                "--client-cert-auth", "--cert-file=" + ETCD + "etcd.pem", "--key-file=" + ETCD + "etcd-key.pem",
                "--peer-client-cert-auth", "--peer-cert-file=" + ETCD + "etcd.pem", "--peer-key-file=" + ETCD + "etcd-key.pem",
                "--trusted-ca-file=" + ETCD + "ca.pem", "--peer-trusted-ca-file=" + ETCD + "ca.pem",
                "--initial-advertise-peer-urls=https://${ETCD_IP}:2380", "--listen-peer-urls=https://${ETCD_IP}:2380",
                "--listen-client-urls=https://${ETCD_IP}:2379,https://127.0.0.1:2379",
                "--advertise-client-urls=https://${ETCD_IP}:2379", "--initial-cluster-token=etcd_k8s",
                "--initial-cluster=${ETCD_CLUSTER}", "--initial-cluster-state=new")).replace("[Service]\n", "[Service]\nType=notify\n");
    }

    private static String unit(String description, List<String> environment, String program, List<String> flags) {
        return "[Unit]\nDescription=" + description + "\nDocumentation=https://github.com/kubernetes/kubernetes\n\n[Service]\n"
                + environment.stream().map(e -> "Environment=" + e + "\n").collect(Collectors.joining())
                + "ExecStart=" + program + " \\\n" + flags.stream().map(f -> "  " + f).collect(Collectors.joining(" \\\n"))
                + "\nRestart=on-failure\nRestartSec=3\n\n[Install]\nWantedBy=multi-user.target\n";
    }

    @Override
    List<String> etcdServices(NodeSpec node) {
        return List.of("etcd_k8s.service");
    }

    @Override
    List<String> services(NodeSpec node) {
        List<String> services = new ArrayList<>(List.of("kubelet.service"));
        if (node.has(Role.MASTER)) {
            services.addAll(List.of("kube-apiserver.service", "kube-controller-manager.service", "kube-scheduler.service"));
        }
        services.add("kube-proxy.service");
        return services;
    }
}
