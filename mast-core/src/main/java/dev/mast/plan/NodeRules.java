package dev.mast.plan;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The fields of each node on its own: name, addresses, roles and how to reach it over SSH. */
final class NodeRules {
    /** The keys {@code ssh} tries when neither the plan nor ~/.ssh/config names one. */
    private static final List<String> DEFAULT_KEYS = List.of("id_rsa", "id_ecdsa", "id_ed25519");
    private final Path home;
    private final Predicate<Path> keyFileReadable;
    private final LoginMeans otherMeans;
    private final boolean connecting;

    /**
     * @param otherMeans how a node logs in besides its key file (agent, ~/.ssh/config)
     * @param connecting whether the plan is checked for a run that logs in to the nodes; if not
     *                   (validate, render) a key file missing here is only a warning
     */
    NodeRules(Path home, Predicate<Path> keyFileReadable, LoginMeans otherMeans, boolean connecting) {
        this.home = home;
        this.keyFileReadable = keyFileReadable;
        this.otherMeans = otherMeans;
        this.connecting = connecting;
    }

    void check(Plan plan, Findings findings) {
        // The GUI shows each node's warnings on its own row; validate and render print them for the plan as a whole.
        var loginWarnings = new LoginWarnings(findings, !connecting);
        for (int i = 0; i < plan.nodes().size(); i++) {
            check(plan.nodes().get(i), "nodes[" + i + "]", findings, loginWarnings);
        }
        loginWarnings.report();
    }

    private void check(Node node, String path, Findings findings, LoginWarnings loginWarnings) {
        if (node.hostName().isEmpty()) {
            findings.error(path + ".hostName", "is empty; enter the node's name, e.g. node001");
        } else {
            FieldChecks.dnsLabel(node.hostName()).ifPresent(problem -> findings.error(path + ".hostName", problem
                    + ". The kubelet uses the host name in pod names (kube-apiserver-" + SafeText.brief(node.hostName()) + ")"));
        }
        findings.check(path + ".ip", FieldChecks.ipv4(node.ip()));
        // Most nodes use one address for both; a bad one is then reported once, on ip.
        if (!node.internalIp().equals(node.ip())) {
            findings.check(path + ".internalIp", FieldChecks.ipv4(node.internalIp()));
        }
        if (node.roles().isEmpty()) {
            findings.error(path + ".roles", "the node has no roles; give it at least one of etcd, master, worker, ingress");
        }
        checkSsh(node, path + ".ssh", findings, loginWarnings);
    }

    private void checkSsh(Node node, String path, Findings findings, LoginWarnings loginWarnings) {
        SshSettings ssh = node.ssh();
        if (!ssh.user().equals(ssh.user().strip()) || ssh.user().contains(" ")) {
            findings.error(path + ".user", FieldChecks.quote(ssh.user()) + " has blanks; enter the user Mast logs in as, "
                    + "e.g. root, or leave it empty for ~/.ssh/config's User (else root)");
        } else if (ssh.user().codePoints().anyMatch(SafeText::isControl)) {
            findings.error(path + ".user", FieldChecks.quote(ssh.user()) + " is not a user name: it holds a line break or"
                    + " another control character");
        }
        // 0 is "not set": the port comes from ~/.ssh/config or is 22.
        if (ssh.port() != 0) {
            findings.check(path + ".port", FieldChecks.port(ssh.port()));
        }
        try {
            JumpHosts.parse(ssh.jump());
        } catch (IllegalArgumentException e) {
            findings.error(path + ".jump", e.getMessage());
        }
        checkLogin(node, path, findings, loginWarnings);
    }

    /**
     * A run needs a way to log in: the key file, or the agent or a key ~/.ssh/config names. A
     * key file that is missing here stops a run only when there is no other way, and never
     * stops validate or render, which write local files only.
     */
    private void checkLogin(Node node, String path, Findings findings, LoginWarnings loginWarnings) {
        SshSettings ssh = node.ssh();
        Optional<String> other = otherMeans.besidesKeyFile(node);
        if (ssh.keyFile().isBlank()) {
            // As ssh: with no key file named, its default keys are tried.
            if (other.or(this::defaultKey).isEmpty()) {
                String message = "is not set and there is no other way to log in (no ssh-agent with keys, no IdentityFile "
                        + "in ~/.ssh/config, no ~/.ssh/id_* key); enter the path of the SSH private key, e.g. ~/.ssh/id_ed25519";
                report(path + ".keyFile", message, findings, loginWarnings);
            }
            return;
        }
        Path key;
        try {
            key = KeyFiles.resolve(ssh.keyFile(), home);
        } catch (InvalidPathException e) {
            findings.error(path + ".keyFile", FieldChecks.quote(ssh.keyFile()) + " is not a file path");
            return;
        }
        if (keyFileReadable.test(key)) {
            return;
        }
        String missing = FieldChecks.quote(ssh.keyFile()) + " cannot be read on this machine (looked for " + key + ")";
        if (other.isPresent()) {
            loginWarnings.add(path + ".keyFile", missing + "; Mast will log in with " + other.get());
        } else {
            report(path + ".keyFile", missing + "; create the key or point keyFile at an existing private key"
                    + (connecting ? "" : " before you install or upgrade"), findings, loginWarnings);
        }
    }

    /** The first of the keys {@code ssh} tries when none is named, if one is here. */
    private Optional<String> defaultKey() {
        return DEFAULT_KEYS.stream().filter(key -> keyFileReadable.test(home.resolve(".ssh").resolve(key)))
                .map(key -> "~/.ssh/" + key).findFirst();
    }

    /**
     * Warnings about logging in; collapsed, each is said once, at the first node it concerns: a plan-wide
     * key file every node inherits would otherwise give the same line for each node.
     */
    private static final class LoginWarnings {
        private final Findings findings;
        private final boolean collapse;
        private final Map<String, List<String>> pathsByMessage = new LinkedHashMap<>();

        LoginWarnings(Findings findings, boolean collapse) {
            this.findings = findings;
            this.collapse = collapse;
        }

        void add(String path, String message) {
            if (collapse) {
                pathsByMessage.computeIfAbsent(message, m -> new ArrayList<>()).add(path);
            } else {
                findings.warning(path, message);
            }
        }

        void report() {
            pathsByMessage.forEach((message, paths) -> findings.warning(paths.get(0), message + (paths.size() == 1 ? ""
                    : "; the same for " + (paths.size() - 1) + (paths.size() == 2 ? " other node" : " other nodes"))));
        }
    }

    private void report(String path, String message, Findings findings, LoginWarnings loginWarnings) {
        if (connecting) {
            findings.error(path, message);
        } else {
            loginWarnings.add(path, message);
        }
    }
}
