package dev.mast.manifest;

import dev.mast.pki.PkiPaths;
import static dev.mast.manifest.KubePaths.*;
import static dev.mast.pki.PkiPaths.*;

import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The flags Mast sets on each component. Those in {@link dev.mast.plan.ManagedFlags} come from
 * the plan and the files Mast generates and always keep Mast's value; the others are kubeadm's
 * defaults (authorization modes, admission plugins, leader election...), which flags carried
 * over from an old unit or the plan's extra flags may change. The values follow kubeadm's
 * {@code getAPIServerCommand}, {@code getControllerManagerCommand} and
 * {@code getSchedulerCommand}, with the ports set explicitly so the probes can be built from
 * the same values.
 */
public final class ComponentFlags {
    private ComponentFlags() {
    }

    /** Every flag Mast sets on the component on the node, name to value. */
    public static Map<String, String> forComponent(Component component, Plan plan, Node node) {
        return switch (component) {
            case KUBE_APISERVER -> apiServer(plan, node);
            case KUBE_CONTROLLER_MANAGER -> controllerManager(plan);
            case KUBE_SCHEDULER -> scheduler();
            case KUBE_PROXY -> kubeProxy(plan, node);
            case KUBELET -> kubelet(node);
            case ETCD -> etcd(plan, node);
        };
    }

    static Map<String, String> apiServer(Plan plan, Node node) {
        var f = new LinkedHashMap<String, String>();
        f.put("advertise-address", node.internalIp());
        f.put("allow-privileged", "true");
        f.put("authorization-mode", "Node,RBAC");
        // Every interface, as kubeadm leaves it: kubectl may come in over the node's public address.
        f.put("bind-address", "0.0.0.0");
        f.put("client-ca-file", CA_CERT);
        f.put("enable-admission-plugins", "NodeRestriction");
        f.put("enable-bootstrap-token-auth", "true");
        f.put("etcd-cafile", ETCD_CA_CERT);
        f.put("etcd-certfile", APISERVER_ETCD_CLIENT_CERT);
        f.put("etcd-keyfile", APISERVER_ETCD_CLIENT_KEY);
        f.put("etcd-servers", etcdClientUrls(plan));
        f.put("kubelet-client-certificate", APISERVER_KUBELET_CLIENT_CERT);
        f.put("kubelet-client-key", APISERVER_KUBELET_CLIENT_KEY);
        f.put("kubelet-preferred-address-types", "InternalIP,ExternalIP,Hostname");
        f.put("proxy-client-cert-file", FRONT_PROXY_CLIENT_CERT);
        f.put("proxy-client-key-file", FRONT_PROXY_CLIENT_KEY);
        f.put("requestheader-allowed-names", "front-proxy-client");
        f.put("requestheader-client-ca-file", FRONT_PROXY_CA_CERT);
        f.put("requestheader-extra-headers-prefix", "X-Remote-Extra-");
        f.put("requestheader-group-headers", "X-Remote-Group");
        f.put("requestheader-username-headers", "X-Remote-User");
        f.put("secure-port", Integer.toString(plan.apiServerPort()));
        f.put("service-account-issuer", "https://kubernetes.default.svc." + plan.dnsDomain());
        f.put("service-account-key-file", SA_PUB);
        f.put("service-account-signing-key-file", SA_KEY);
        f.put("service-cluster-ip-range", plan.serviceCidr());
        f.put("tls-cert-file", APISERVER_CERT);
        f.put("tls-private-key-file", APISERVER_KEY);
        return f;
    }

    static Map<String, String> controllerManager(Plan plan) {
        var f = new LinkedHashMap<String, String>();
        f.put("allocate-node-cidrs", "true");
        f.put("authentication-kubeconfig", CONTROLLER_MANAGER_CONF);
        f.put("authorization-kubeconfig", CONTROLLER_MANAGER_CONF);
        f.put("bind-address", "127.0.0.1");
        f.put("client-ca-file", CA_CERT);
        f.put("cluster-cidr", plan.podCidr());
        f.put("cluster-name", plan.name());
        f.put("cluster-signing-cert-file", CA_CERT);
        f.put("cluster-signing-key-file", CA_KEY);
        f.put("controllers", "*,bootstrapsigner,tokencleaner");
        f.put("kubeconfig", CONTROLLER_MANAGER_CONF);
        f.put("leader-elect", "true");
        f.put("requestheader-client-ca-file", FRONT_PROXY_CA_CERT);
        f.put("root-ca-file", CA_CERT);
        f.put("secure-port", Integer.toString(KubePorts.CONTROLLER_MANAGER));
        f.put("service-account-private-key-file", SA_KEY);
        f.put("service-cluster-ip-range", plan.serviceCidr());
        f.put("use-service-account-credentials", "true");
        return f;
    }

    static Map<String, String> scheduler() {
        var f = new LinkedHashMap<String, String>();
        f.put("authentication-kubeconfig", SCHEDULER_CONF);
        f.put("authorization-kubeconfig", SCHEDULER_CONF);
        f.put("bind-address", "127.0.0.1");
        f.put("kubeconfig", SCHEDULER_CONF);
        f.put("leader-elect", "true");
        f.put("secure-port", Integer.toString(KubePorts.SCHEDULER));
        return f;
    }

    static Map<String, String> kubeProxy(Plan plan, Node node) {
        var f = new LinkedHashMap<String, String>();
        f.put("cluster-cidr", plan.podCidr());
        // All interfaces: load balancers check this port for services with externalTrafficPolicy Local.
        f.put("healthz-bind-address", "0.0.0.0:" + KubePorts.KUBE_PROXY_HEALTHZ);
        f.put("hostname-override", node.hostName());
        f.put("kubeconfig", KUBE_PROXY_CONF);
        f.put("metrics-bind-address", "127.0.0.1:" + KubePorts.KUBE_PROXY_METRICS);
        return f;
    }

    static Map<String, String> kubelet(Node node) {
        var f = new LinkedHashMap<String, String>();
        f.put("config", KUBELET_CONFIG);
        f.put("hostname-override", node.hostName());
        f.put("kubeconfig", KUBELET_CONF);
        f.put("node-ip", node.internalIp());
        return f;
    }

    static Map<String, String> etcd(Plan plan, Node node) {
        String ip = node.internalIp();
        var f = new LinkedHashMap<String, String>();
        f.put("advertise-client-urls", clientUrl(ip));
        f.put("cert-file", ETCD_SERVER_CERT);
        f.put("client-cert-auth", "true");
        f.put("data-dir", ETCD_DATA_DIR);
        f.put("initial-advertise-peer-urls", peerUrl(ip));
        f.put("initial-cluster", plan.etcdNodes().stream()
                .map(n -> n.hostName() + "=" + peerUrl(n.internalIp())).collect(Collectors.joining(",")));
        f.put("initial-cluster-state", "new");
        f.put("initial-cluster-token", plan.name());
        f.put("key-file", ETCD_SERVER_KEY);
        // The node's address and loopback, each once: a node whose address is loopback gets one URL.
        f.put("listen-client-urls", Stream.of(ip, "127.0.0.1").distinct().map(ComponentFlags::clientUrl)
                .collect(Collectors.joining(",")));
        f.put("listen-metrics-urls", "http://127.0.0.1:" + KubePorts.ETCD_METRICS);
        f.put("listen-peer-urls", peerUrl(ip));
        f.put("name", node.hostName());
        f.put("peer-cert-file", ETCD_PEER_CERT);
        f.put("peer-client-cert-auth", "true");
        f.put("peer-key-file", ETCD_PEER_KEY);
        f.put("peer-trusted-ca-file", ETCD_CA_CERT);
        f.put("snapshot-count", "10000");
        f.put("trusted-ca-file", ETCD_CA_CERT);
        return f;
    }

    /** Every etcd member's client URL, in plan order, as the API server's {@code --etcd-servers}. */
    static String etcdClientUrls(Plan plan) {
        if (plan.etcdNodes().isEmpty()) {
            throw new ManifestException("plan \"" + plan.name() + "\" has no node with the etcd role;"
                    + " the API server needs at least one etcd member");
        }
        return plan.etcdNodes().stream().map(n -> clientUrl(n.internalIp())).collect(Collectors.joining(","));
    }

    private static String clientUrl(String ip) {
        return "https://" + ip + ":" + KubePorts.ETCD_CLIENT;
    }

    private static String peerUrl(String ip) {
        return "https://" + ip + ":" + KubePorts.ETCD_PEER;
    }
}
