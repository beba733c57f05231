package dev.mast.sim.machine;

import java.io.IOException;
import java.net.URI;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the real programs check of each other's credentials. A client's kubeconfig must trust the
 * CA of the API server it reaches and present a certificate signed by a CA of that server's
 * {@code --client-ca-file}; the controller-manager must sign tokens with a key the API servers
 * accept and hand pods a CA that verifies them; an API server must accept the tokens the cluster
 * issued and read the data it encrypted; an API server reaches etcd only when each side trusts the
 * other's certificate. A component failing any of these runs but is not healthy (its health
 * endpoints answer 500, its pod is not Ready, a kubelet posts nothing), as a component that
 * cannot talk to its peers is of no use, whatever its own /healthz says.
 */
final class PeerTrust {
    private PeerTrust() {
    }

    /** Why the running component is of no use to the cluster now; empty when its peers accept it. */
    static Optional<String> problem(Machine machine, Process process) {
        return switch (process.kind()) {
            case KUBE_APISERVER -> process.remember("records", () -> apiServerProblem(machine, process));
            case KUBE_CONTROLLER_MANAGER, KUBE_SCHEDULER, KUBE_PROXY, KUBELET -> clientProblem(machine, process);
            default -> Optional.empty();
        };
    }

    private static Optional<String> clientProblem(Machine machine, Process process) {
        Object read = process.remember("kubeconfig", () -> {
            Optional<String> path = ClientConfig.kubeconfigPath(machine, process);
            if (path.isEmpty()) {
                return Optional.empty();
            }
            try {
                return ClientConfig.read(machine, process, path.get());
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
        if (read instanceof String unreadable) {
            return Optional.of(unreadable);
        }
        if (!(read instanceof ClientConfig config)) {
            return Optional.empty();
        }
        Optional<ClusterView.Peer> server = apiServerReached(machine, config.server());
        if (server.isEmpty()) {
            return Optional.empty();
        }
        return process.remember(server.get().process().pid(), () -> clientProblem(machine, process, config, server.get()));
    }

    private static Optional<String> clientProblem(Machine machine, Process process, ClientConfig config, ClusterView.Peer server) {
        ApiServerCredentials files = ApiServerCredentials.of(server);
        String url = config.server().toString();
        if (files.servingCertificate() == null || !Pems.chainsTo(files.servingCertificate(), config.authorities())) {
            return Optional.of("Get \"" + url + "/api\": tls: failed to verify certificate: x509: certificate signed by unknown"
                    + " authority (the CA of " + config.path() + " did not sign the certificate of the API server on "
                    + server.machine().identity().hostName() + ")");
        }
        Optional<String> rejected = files.rejects(config.certificate(), config.token());
        if (rejected.isPresent()) {
            return Optional.of("the API server on " + server.machine().identity().hostName() + " answers 401 Unauthorized to the"
                    + " credentials of " + config.path() + ": " + rejected.get());
        }
        return process.kind() == ComponentKind.KUBE_CONTROLLER_MANAGER ? signerProblem(machine, process, files) : Optional.empty();
    }

    /** The controller-manager signs tokens and certificates for the cluster, and hands pods the CA they trust. */
    private static Optional<String> signerProblem(Machine machine, Process process, ApiServerCredentials server) {
        Optional<String> saKey = process.flags().get("service-account-private-key-file");
        if (saKey.isPresent()) {
            List<PublicKey> keys = Pems.publicKeys(read(machine, process, saKey.get()));
            if (keys.stream().noneMatch(server.serviceAccountKeys()::contains)) {
                return Optional.of("tokens signed with --service-account-private-key-file=" + saKey.get()
                        + " are rejected by the API servers: no key of their --service-account-key-file matches it");
            }
        }
        Optional<String> rootCa = process.flags().get("root-ca-file");
        if (rootCa.isPresent() && !Pems.chainsTo(server.servingCertificate(), Pems.certificates(read(machine, process, rootCa.get())))) {
            return Optional.of("--root-ca-file=" + rootCa.get() + " does not verify the API server's certificate:"
                    + " pods given it as their ca.crt cannot reach the API");
        }
        Optional<String> signer = process.flags().get("cluster-signing-cert-file");
        if (signer.isPresent()) {
            List<X509Certificate> signers = Pems.certificates(read(machine, process, signer.get()));
            if (signers.isEmpty() || !Pems.chainsTo(signers.get(0), server.clientAuthorities())) {
                return Optional.of("certificates signed with --cluster-signing-cert-file=" + signer.get()
                        + " are not trusted by the API servers' --client-ca-file: kubelets renewing theirs would be locked out");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> apiServerProblem(Machine machine, Process process) {
        ApiServerCredentials files = ApiServerCredentials.of(new ClusterView.Peer(machine, process));
        ClusterRecords records = machine.cluster().records();
        for (ClusterRecords.Token token : records.tokens()) {
            Optional<String> problem = ServiceAccountTokens.problem(token.jwt(), files.serviceAccountKeys(), files.issuers());
            if (problem.isPresent()) {
                return Optional.of("\"Unable to authenticate the request\" err=\"invalid bearer token\": the service-account"
                        + " token of " + token.owner() + " that the cluster issued is rejected: " + problem.get());
            }
        }
        for (String key : records.encryptionKeys()) {
            if (!files.encryptionSecrets().contains(key)) {
                return Optional.of("Internal error occurred: unable to transform key \"/registry/secrets\": no matching prefix found"
                        + " (the cluster's secrets are encrypted at rest with a key that "
                        + process.flags().get("encryption-provider-config").map(f -> f + " does not hold")
                                .orElse("no --encryption-provider-config gives") + ")");
            }
        }
        return Optional.empty();
    }

    /** The API server a client reaches at its kubeconfig's server: the one listening there, else the cluster's endpoint. */
    private static Optional<ClusterView.Peer> apiServerReached(Machine machine, URI server) {
        String host = server.getHost() == null ? "" : server.getHost();
        int port = server.getPort() < 0 ? 443 : server.getPort();
        Optional<Process> listener = machine.listenerAt(host, port);
        if (listener.isPresent()) {
            Optional<Machine> owner = machine.machineFor(host);
            return listener.get().kind() == ComponentKind.KUBE_APISERVER && owner.isPresent()
                    ? Optional.of(new ClusterView.Peer(owner.get(), listener.get())) : Optional.empty();
        }
        return machine.cluster().servingApiServer();
    }

    /** Before it serves, an API server needs etcd; each side must trust the other's certificate. */
    static Optional<String> etcdProblem(Machine machine, Process apiServer, URI url, Process etcd, Machine etcdMachine) {
        Endpoint endpoint = etcd.endpoints().stream().filter(e -> e.port() == (url.getPort() < 0 ? 2379 : url.getPort()))
                .findFirst().orElse(null);
        String failed = "failed to wait for etcd at " + url + ": ";
        if (endpoint == null) {
            return Optional.empty();
        }
        if (!endpoint.scheme().equals(url.getScheme())) {
            return Optional.of(failed + (url.getScheme().equals("https") ? "tls: first record does not look like a TLS handshake"
                    : "transport: error while dialing: connection reset by peer (etcd serves TLS there)"));
        }
        if (!url.getScheme().equals("https")) {
            return Optional.empty();
        }
        List<X509Certificate> etcdServing = certificates(etcdMachine, etcd, etcd.flags().get("cert-file").orElse(""));
        List<X509Certificate> trusted = certificates(machine, apiServer, apiServer.flags().get("etcd-cafile").orElse(""));
        if (etcdServing.isEmpty() || !Pems.chainsTo(etcdServing.get(0), trusted)) {
            return Optional.of(failed + "x509: certificate signed by unknown authority (--etcd-cafile does not verify etcd's certificate)");
        }
        if (etcd.flags().get("client-cert-auth", "false").equals("true")) {
            List<X509Certificate> client = certificates(machine, apiServer, apiServer.flags().get("etcd-certfile").orElse(""));
            List<X509Certificate> etcdTrusts = certificates(etcdMachine, etcd, etcd.flags().get("trusted-ca-file").orElse(""));
            if (client.isEmpty() || !Pems.chainsTo(client.get(0), etcdTrusts)) {
                return Optional.of(failed + "remote error: tls: bad certificate (etcd's --trusted-ca-file did not sign --etcd-certfile)");
            }
        }
        return Optional.empty();
    }

    static List<X509Certificate> certificates(Machine machine, Process process, String path) {
        String pem = read(machine, process, path);
        return pem.isEmpty() ? List.of() : Pems.certificates(pem);
    }

    /** A file as the process sees it (through its mounts); empty when it sees none there. */
    static String read(Machine machine, Process process, String path) {
        Optional<String> nodePath = path.isEmpty() ? Optional.empty() : process.paths().nodePath(path);
        try {
            return nodePath.isPresent() && machine.fs().isFile(nodePath.get()) ? machine.fs().readString(nodePath.get()) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
