package dev.mast.sim.machine;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a component that is starting would fail, checked in the order the real program meets
 * the problems: bad flags, files its flags name that are missing (seen through the
 * container's mounts), the kubelet's configuration, a kubeconfig (or a file it names) it cannot
 * read, etcd out of reach of the API server or not trusting it, an injected "never healthy"
 * fault, and a port already taken.
 */
final class StartupChecks {
    private static final Map<ComponentKind, List<String>> FILE_FLAGS = Map.of(
            ComponentKind.KUBE_APISERVER, List.of("tls-cert-file", "tls-private-key-file", "client-ca-file",
                    "service-account-key-file", "service-account-signing-key-file", "etcd-cafile", "etcd-certfile",
                    "etcd-keyfile", "kubelet-client-certificate", "kubelet-client-key", "proxy-client-cert-file",
                    "proxy-client-key-file", "requestheader-client-ca-file", "audit-policy-file", "encryption-provider-config"),
            ComponentKind.KUBE_CONTROLLER_MANAGER, List.of("kubeconfig", "authentication-kubeconfig", "authorization-kubeconfig",
                    "service-account-private-key-file", "root-ca-file", "cluster-signing-cert-file", "cluster-signing-key-file",
                    "client-ca-file", "requestheader-client-ca-file", "tls-cert-file", "tls-private-key-file"),
            ComponentKind.KUBE_SCHEDULER, List.of("kubeconfig", "authentication-kubeconfig", "authorization-kubeconfig",
                    "config", "tls-cert-file", "tls-private-key-file"),
            ComponentKind.KUBE_PROXY, List.of("kubeconfig", "config"),
            ComponentKind.ETCD, List.of("cert-file", "key-file", "trusted-ca-file", "peer-cert-file", "peer-key-file",
                    "peer-trusted-ca-file"));

    private StartupChecks() {
    }

    static Optional<String> failure(Machine machine, Process process) {
        try {
            process.setEndpoints(ComponentEndpoints.of(process.kind(), process.flags(), path -> yaml(machine, process, path)));
        } catch (IllegalArgumentException e) {
            return Optional.of("invalid argument: " + e.getMessage());
        }
        for (String flag : FILE_FLAGS.getOrDefault(process.kind(), List.of())) {
            Optional<String> path = process.flags().get(flag);
            if (path.isPresent() && !fileExists(machine, process, path.get())) {
                return Optional.of("open " + path.get() + ": no such file or directory");
            }
        }
        if (process.kind() == ComponentKind.KUBELET) {
            Optional<String> problem = KubeletSettings.problem(machine, process);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (List.of(ComponentKind.KUBE_CONTROLLER_MANAGER, ComponentKind.KUBE_SCHEDULER, ComponentKind.KUBE_PROXY,
                ComponentKind.KUBELET).contains(process.kind())) {
            Optional<String> problem = kubeconfigProblem(machine, process);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (process.kind() == ComponentKind.KUBE_APISERVER) {
            Optional<String> problem = etcdProblem(machine, process);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (machine.faults().isNeverHealthy(process.kind().key(), process.form())) {
            return Optional.of("simulated fault: " + process.kind().key() + " never becomes healthy on "
                    + machine.identity().hostName());
        }
        return portConflict(machine, process);
    }

    static boolean fileExists(Machine machine, Process process, String path) {
        return process.paths().nodePath(path).map(machine.fs()::isFile).orElse(false);
    }

    static Optional<Map<String, Object>> yaml(Machine machine, Process process, String path) {
        Optional<String> nodePath = process.paths().nodePath(path);
        if (nodePath.isEmpty() || !machine.fs().isFile(nodePath.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Yamls.map(machine.fs().readString(nodePath.get())));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("failed to decode " + path + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> etcdProblem(Machine machine, Process process) {
        Optional<String> servers = process.flags().get("etcd-servers");
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> rejected = Optional.empty();
        for (String server : servers.get().split(",")) {
            URI uri = URI.create(server.trim());
            String host = uri.getHost() == null ? "" : uri.getHost();
            int port = uri.getPort() < 0 ? 2379 : uri.getPort();
            Optional<Process> etcd = machine.listenerAt(host, port);
            Optional<Machine> etcdMachine = machine.machineFor(host);
            if (etcd.isEmpty() || etcdMachine.isEmpty()) {
                continue;
            }
            Optional<String> problem = PeerTrust.etcdProblem(machine, process, uri, etcd.get(), etcdMachine.get());
            if (problem.isEmpty()) {
                return Optional.empty();
            }
            rejected = rejected.or(() -> problem);
        }
        return rejected.or(() -> Optional.of("failed to wait for etcd: context deadline exceeded (no etcd answers at "
                + servers.get() + ")"));
    }

    /** A client component reads its kubeconfig, and the files it names, when it starts. */
    private static Optional<String> kubeconfigProblem(Machine machine, Process process) {
        try {
            ClientConfig.kubeconfigPath(machine, process).ifPresent(path -> ClientConfig.read(machine, process, path));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<String> portConflict(Machine machine, Process process) {
        for (Endpoint mine : process.endpoints()) {
            for (Process other : machine.processes().running()) {
                if (other == process || !other.hostNetwork() || !process.hostNetwork()) {
                    continue;
                }
                for (Endpoint theirs : other.endpoints()) {
                    if (theirs.port() == mine.port() && (mine.isWildcard() || theirs.isWildcard()
                            || mine.bindAddress().equals(theirs.bindAddress()))) {
                        String address = (mine.isWildcard() ? "0.0.0.0" : mine.bindAddress()) + ":" + mine.port();
                        return Optional.of("failed to create listener: failed to listen on " + address + ": listen tcp "
                                + address + ": bind: address already in use");
                    }
                }
            }
        }
        return Optional.empty();
    }
}
