package dev.mast.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the tests check on a node over SSH: manifests, services, packages, containers, ports. */
final class NodeChecks {
    static final List<String> CONTROL_PLANE = List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler");
    static final Map<String, String> HEALTH = Map.of(
            "kube-apiserver", "https://127.0.0.1:6443/livez",
            "kube-controller-manager", "https://127.0.0.1:10257/healthz",
            "kube-scheduler", "https://127.0.0.1:10259/healthz",
            "kube-proxy", "http://127.0.0.1:10256/healthz",
            "kubelet", "http://127.0.0.1:10248/healthz",
            "etcd", "http://127.0.0.1:2381/health");

    private NodeChecks() {
    }

    static List<String> staticPods(TestNodes nodes, String node) {
        List<String> pods = new ArrayList<>(nodes.isMaster(node) ? CONTROL_PLANE : List.of());
        pods.add("kube-proxy");
        return pods;
    }

    /** Waits up to {@code seconds} for the check to hold (a container the kubelet is starting, say). */
    static boolean eventually(int seconds, IoCheck check) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            if (check.holds()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(500);
        }
    }

    @FunctionalInterface
    interface IoCheck {
        boolean holds() throws IOException, InterruptedException;
    }

    static boolean answers(NodeShell shell, String component) throws IOException {
        return shell.run("curl -sk --max-time 5 -o /dev/null -w '%{http_code}' " + HEALTH.get(component)).out().equals("200");
    }

    static String runningContainer(NodeShell shell, String component) throws IOException {
        return shell.sudo("crictl ps --state running -q --name '^" + component + "$'").trim();
    }

    /** The node runs Mast's layout: manifests, enabled kubelet, every static pod's container running and healthy. */
    static void assertInstalled(TestNodes nodes, String node) throws IOException, InterruptedException {
        NodeShell shell = nodes.shell(node);
        assertEquals("enabled", shell.run("systemctl is-enabled kubelet").out().trim(), node + ": kubelet enabled");
        assertEquals("active", shell.run("systemctl is-active kubelet").out().trim(), node + ": kubelet active");
        assertTrue(answers(shell, "kubelet"), node + ": kubelet /healthz");
        assertTrue(shell.check("grep -q '^staticPodPath: /etc/kubernetes/manifests' /var/lib/kubelet/config.yaml"),
                node + ": kubelet config points at the manifests");
        if (nodes.isMaster(node)) {
            assertEquals("active", shell.run("systemctl is-active etcd").out().trim(), node + ": etcd active");
            assertTrue(answers(shell, "etcd"), node + ": etcd /health");
        }
        for (String pod : staticPods(nodes, node)) {
            assertTrue(shell.check("test -f /etc/kubernetes/manifests/" + pod + ".yaml"), node + ": manifest of " + pod);
            assertTrue(eventually(120, () -> !runningContainer(shell, pod).isEmpty() && answers(shell, pod)),
                    node + ": " + pod + " runs in a container and answers " + HEALTH.get(pod) + "\n"
                            + shell.sudo("crictl ps -a; journalctl -u kubelet --no-pager | tail -20"));
        }
        List<String> unexpected = new ArrayList<>(List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy"));
        unexpected.removeAll(staticPods(nodes, node));
        for (String pod : unexpected) {
            assertFalse(shell.check("test -e /etc/kubernetes/manifests/" + pod + ".yaml"), node + ": no manifest of " + pod);
        }
    }

    /** Which containers run on the node, by name, and the checksums of its manifests: what a re-run must not change. */
    static Map<String, String> fingerprint(NodeShell shell) throws IOException {
        Map<String, String> state = new LinkedHashMap<>();
        for (String line : shell.sudo("crictl ps --state running | tail -n +2 | awk '{print $1}' | sort").split("\n")) {
            if (!line.isBlank()) {
                state.put("container " + line.trim(), "running");
            }
        }
        for (String line : shell.sudo("cd /etc/kubernetes && find . -type f ! -path './backup/*' | sort | xargs sha256sum; "
                + "sha256sum /var/lib/kubelet/config.yaml /etc/systemd/system/kubelet.service /etc/containerd/config.toml; "
                + "systemctl show -p MainPID kubelet etcd containerd 2>/dev/null").split("\n")) {
            if (!line.isBlank()) {
                state.put(line.trim(), "");
            }
        }
        return state;
    }

    /** The old systemd service of the component: whether it is active, enabled, and its package installed. */
    record Legacy(boolean active, boolean enabled, boolean installed) { }

    static Legacy legacy(NodeShell shell, String component) throws IOException {
        return new Legacy(shell.run("systemctl is-active " + component).out().trim().equals("active"),
                shell.run("systemctl is-enabled " + component).out().trim().equals("enabled"),
                shell.run("dpkg-query -W -f='${Status}' " + component).out().trim().equals("install ok installed"));
    }
}
