package dev.mast.plan;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Predicate;

/** The fields of each node on its own: name, addresses, roles and how to reach it over SSH. */
final class NodeRules {
    private final Path home;
    private final Predicate<Path> keyFileReadable;
    private final boolean loopbackExpected;

    /** @param loopbackExpected the nodes are Mast's simulated ones, which live on loopback addresses */
    NodeRules(Path home, Predicate<Path> keyFileReadable, boolean loopbackExpected) {
        this.home = home;
        this.keyFileReadable = keyFileReadable;
        this.loopbackExpected = loopbackExpected;
    }

    void check(Plan plan, Findings findings) {
        for (int i = 0; i < plan.nodes().size(); i++) {
            check(plan.nodes().get(i), "nodes[" + i + "]", findings);
        }
    }

    private void check(Node node, String path, Findings findings) {
        if (node.hostName().isEmpty()) {
            findings.error(path + ".hostName", "is empty; enter the node's name, e.g. node001");
        } else {
            FieldChecks.dnsLabel(node.hostName()).ifPresent(problem -> findings.error(path + ".hostName", problem
                    + ". The kubelet uses the host name in pod names (kube-apiserver-" + node.hostName() + ")"));
        }
        findings.check(path + ".ip", FieldChecks.ipv4(node.ip()));
        // Most nodes use one address for both; a bad one is then reported once, on ip.
        boolean ownInternalIp = !node.internalIp().equals(node.ip());
        if (ownInternalIp) {
            findings.check(path + ".internalIp", FieldChecks.ipv4(node.internalIp()));
        }
        if (!loopbackExpected && FieldChecks.isLoopback(node.internalIp())) {
            findings.warning(path + (ownInternalIp ? ".internalIp" : ".ip"), node.internalIp() + " is a loopback address, and the"
                    + " components talk to each other over it: the API server refuses it as an endpoint of the kubernetes"
                    + " Service (\"may not be in the loopback range\"), kube-proxy finds no node address and kubectl logs"
                    + " cannot reach the kubelet. Use an address the other nodes reach this one at"
                    + (ownInternalIp ? "" : " (as internalIp, if Mast connects over loopback, through a tunnel say)")
                    + "; only Mast's simulated nodes live on loopback");
        }
        if (node.roles().isEmpty()) {
            findings.error(path + ".roles", "the node has no roles; give it at least one of etcd, master, worker, ingress");
        }
        checkSsh(node.ssh(), path + ".ssh", findings);
    }

    private void checkSsh(SshSettings ssh, String path, Findings findings) {
        if (ssh.user().isBlank()) {
            findings.error(path + ".user", "is empty; enter the user Mast logs in as (it needs sudo), e.g. root");
        }
        findings.check(path + ".port", FieldChecks.port(ssh.port()));
        if (ssh.keyFile().isBlank()) {
            findings.error(path + ".keyFile", "is empty; enter the path of the SSH private key, e.g. ~/.ssh/id_ed25519");
            return;
        }
        Path key;
        try {
            key = KeyFiles.resolve(ssh.keyFile(), home);
        } catch (InvalidPathException e) {
            findings.error(path + ".keyFile", FieldChecks.quote(ssh.keyFile()) + " is not a file path");
            return;
        }
        if (!keyFileReadable.test(key)) {
            findings.error(path + ".keyFile", FieldChecks.quote(ssh.keyFile()) + " cannot be read (looked for " + key
                    + "); create the key or point keyFile at an existing private key");
        }
    }
}
