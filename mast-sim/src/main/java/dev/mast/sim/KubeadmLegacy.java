package dev.mast.sim;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Role;
import dev.mast.sim.machine.ClusterRecords;
import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.RuntimeBackend;
import dev.mast.sim.machine.UnitTexts;
import dev.mast.sim.machine.VirtualFs;
import java.io.IOException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link LegacyLayout#KUBEADM}: kubeadm's paths, a package per component, etcd over TLS with its own CA. */
final class KubeadmLegacy extends LegacyCluster {
    static final String SERVICE_CIDR = "10.96.0.0/12";
    static final String POD_CIDR = "10.244.0.0/16";
    private static final String ISSUER = "https://kubernetes.default.svc.cluster.local";

    private final SimPki.Issued ca = SimPki.ca("kubernetes");
    private final SimPki.Issued etcdCa = SimPki.ca("etcd-ca");
    private final SimPki.Issued frontProxyCa = SimPki.ca("front-proxy-ca");
    private final KeyPair serviceAccount = SimPki.rsaKeyPair();
    private final Map<String, SimPki.Issued> shared = new LinkedHashMap<>();

    KubeadmLegacy(String name, String server, List<NodeSpec> nodes) {
        super(name, server, nodes);
        List<String> masterSans = new ArrayList<>(List.of("127.0.0.1", "10.96.0.1", "kubernetes", "kubernetes.default",
                "kubernetes.default.svc", "kubernetes.default.svc.cluster.local", "localhost"));
        List<String> etcdSans = new ArrayList<>(List.of("127.0.0.1", "localhost"));
        for (NodeSpec node : nodes) {
            if (node.has(Role.MASTER)) {
                masterSans.add(node.address());
                masterSans.add(node.hostName());
            }
            if (node.has(Role.ETCD)) {
                etcdSans.add(node.address());
                etcdSans.add(node.hostName());
            }
        }
        shared.put("apiserver", SimPki.issue(ca, "kube-apiserver", null, masterSans, true));
        shared.put("apiserver-kubelet-client", SimPki.issue(ca, "kube-apiserver-kubelet-client", "system:masters", List.of(), false));
        shared.put("apiserver-etcd-client", SimPki.issue(etcdCa, "kube-apiserver-etcd-client", null, List.of(), false));
        shared.put("front-proxy-client", SimPki.issue(frontProxyCa, "front-proxy-client", null, List.of(), false));
        shared.put("etcd/server", SimPki.issue(etcdCa, "etcd-server", null, etcdSans, true));
        shared.put("etcd/peer", SimPki.issue(etcdCa, "etcd-peer", null, etcdSans, true));
        shared.put("admin", SimPki.issue(ca, "kubernetes-admin", "system:masters", List.of(), false));
        shared.put("controller-manager", SimPki.issue(ca, "system:kube-controller-manager", null, List.of(), false));
        shared.put("scheduler", SimPki.issue(ca, "system:kube-scheduler", null, List.of(), false));
        shared.put("kube-proxy", SimPki.issue(ca, "system:kube-proxy", null, List.of(), false));
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
        return Kubeconfigs.render(name, server, ca.certificatePem(), "kubernetes-admin", shared.get("admin"));
    }

    @Override
    ClusterRecords records() {
        return new ClusterRecords(List.of(token(serviceAccount, ISSUER)), List.of());
    }

    private String etcdServers() {
        return etcdMembers().stream().map(n -> "https://" + n.address() + ":2379").collect(Collectors.joining(","));
    }

    @Override
    Map<String, String> packageUnits(NodeSpec node) {
        Map<String, String> units = new LinkedHashMap<>();
        units.put("kube-apiserver", KubeadmUnits.apiserver());
        units.put("kube-controller-manager", KubeadmUnits.controllerManager(name, POD_CIDR, SERVICE_CIDR));
        units.put("kube-scheduler", KubeadmUnits.scheduler());
        units.put("kube-proxy", KubeadmUnits.kubeProxy(node, POD_CIDR));
        return units;
    }

    @Override
    void install(Machine machine, NodeSpec node) throws IOException {
        VirtualFs fs = machine.fs();
        fs.mkdirs("/etc/kubernetes/pki/etcd", 0755);
        fs.mkdirs("/etc/kubernetes/manifests", 0755);
        fs.mkdirs("/var/log/kubernetes", 0755);
        fs.mkdirs("/var/lib/kubelet", 0755);
        write(fs, "/etc/kubernetes/pki/ca.crt", ca.certificatePem(), 0644);
        write(fs, "/etc/kubernetes/pki/etcd/ca.crt", etcdCa.certificatePem(), 0644);
        if (node.has(Role.MASTER)) {
            write(fs, "/etc/kubernetes/pki/ca.key", ca.keyPem(), 0600);
            write(fs, "/etc/kubernetes/pki/front-proxy-ca.crt", frontProxyCa.certificatePem(), 0644);
            write(fs, "/etc/kubernetes/pki/front-proxy-ca.key", frontProxyCa.keyPem(), 0600);
            for (String cert : List.of("apiserver", "apiserver-kubelet-client", "apiserver-etcd-client", "front-proxy-client")) {
                write(fs, "/etc/kubernetes/pki/" + cert + ".crt", shared.get(cert).certificatePem(), 0644);
                write(fs, "/etc/kubernetes/pki/" + cert + ".key", shared.get(cert).keyPem(), 0600);
            }
            write(fs, "/etc/kubernetes/pki/sa.key", SimPki.pem(serviceAccount.getPrivate()), 0600);
            write(fs, "/etc/kubernetes/pki/sa.pub", SimPki.pem(serviceAccount.getPublic()), 0644);
            for (String user : List.of("admin", "controller-manager", "scheduler")) {
                write(fs, "/etc/kubernetes/" + user + ".conf", Kubeconfigs.render(name, server, ca.certificatePem(),
                        user.equals("admin") ? "kubernetes-admin" : "system:kube-" + user, shared.get(user)), 0600);
            }
            write(fs, "/etc/kubernetes/config", KubeadmUnits.sharedConfig(), 0644);
            write(fs, "/etc/kubernetes/apiserver", KubeadmUnits.apiserverConfig(node, etcdServers(), SERVICE_CIDR), 0644);
            write(fs, "/etc/kubernetes/audit-policy.yaml", KubeadmUnits.auditPolicy(), 0644);
            write(fs, "/etc/systemd/system/kube-apiserver.service.d/10-audit.conf", KubeadmUnits.auditDropIn(), 0644);
        }
        if (node.has(Role.ETCD)) {
            for (String cert : List.of("etcd/server", "etcd/peer")) {
                write(fs, "/etc/kubernetes/pki/" + cert + ".crt", shared.get(cert).certificatePem(), 0644);
                write(fs, "/etc/kubernetes/pki/" + cert + ".key", shared.get(cert).keyPem(), 0600);
            }
            write(fs, "/etc/default/etcd", KubeadmUnits.etcdDefaults(node, nodes), 0644);
        }
        write(fs, "/etc/kubernetes/kube-proxy.conf", Kubeconfigs.render(name, server, ca.certificatePem(), "system:kube-proxy",
                shared.get("kube-proxy")), 0600);
        SimPki.Issued kubelet = SimPki.issue(ca, "system:node:" + node.hostName(), "system:nodes", List.of(), false);
        write(fs, "/etc/kubernetes/kubelet.conf", Kubeconfigs.render(name, server, ca.certificatePem(),
                "system:node:" + node.hostName(), kubelet), 0600);
        RuntimeBackend backend = node.runtime() == ContainerRuntime.DOCKER ? RuntimeBackend.DOCKER : RuntimeBackend.CONTAINERD;
        write(fs, "/var/lib/kubelet/config.yaml", KubeadmUnits.kubeletConfig(backend), 0644);
        write(fs, "/etc/crictl.yaml", "runtime-endpoint: " + backend.endpoint() + "\nimage-endpoint: " + backend.endpoint() + "\n", 0644);
        BaseSystem.install(machine, packageNames(node), false);
        write(fs, "/etc/systemd/system/kubelet.service", UnitTexts.KUBELET.replace("ExecStart=/usr/bin/kubelet",
                "ExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --kubeconfig=/etc/kubernetes/kubelet.conf \\\n"
                        + "  --container-runtime-endpoint=" + backend.endpoint() + " --hostname-override=" + node.hostName() + " --v=2"), 0644);
        machine.systemd().daemonReload();
    }

    private static List<String> packageNames(NodeSpec node) {
        List<String> packages = new ArrayList<>(List.of("kubelet"));
        if (node.has(Role.ETCD)) {
            packages.add("etcd-server");
        }
        if (node.has(Role.MASTER)) {
            packages.addAll(List.of("kubectl", "kube-apiserver", "kube-controller-manager", "kube-scheduler"));
        }
        packages.add("kube-proxy");
        return packages;
    }

    @Override
    List<String> etcdServices(NodeSpec node) {
        return List.of("etcd.service");
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
