package dev.mast.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/** {@code mast pods} and {@code mast logs} against the real components: through the API and from a node's runtime. */
final class LogChecks {
    private static final String MANIFEST = "/etc/kubernetes/manifests/kube-apiserver.yaml";
    private static final String MOVED = "/etc/kubernetes/kube-apiserver.yaml.e2e";

    private LogChecks() {
    }

    /**
     * mast pods lists the node's mirror pods Running; mast logs prints a real line of the node's API
     * server through the API, and again from the node's containerd (through the real crictl) while
     * the API server's manifest is moved away. Puts the manifest back and waits for the API server.
     */
    static Duration assertPodsAndLogs(TestNodes nodes, MastCli mast, String node) throws Exception {
        long start = System.nanoTime();
        String kubeconfig = nodes.adminKubeconfig().toString();
        MastCli.Run pods = mast.run(Duration.ofMinutes(2), "pods", "--kubeconfig", kubeconfig, "-n", "kube-system");
        assertEquals(0, pods.exit(), pods.describe());
        for (String component : NodeChecks.staticPods(nodes, node)) {
            assertTrue(pods.output().lines().anyMatch(line -> line.startsWith(component + "-" + node + " ")
                    && line.contains("1/1") && line.contains("Running")), component + "-" + node + " in:\n" + pods.output());
        }
        NodeShell shell = nodes.shell(node);
        String expected = shell.sudo("crictl logs $(crictl ps -q --name '^kube-apiserver$') 2>&1 | grep -m1 'Serving securely on'").strip();
        assertTrue(expected.contains("Serving securely on"), "the API server's own log on " + node + ": " + expected);

        MastCli.Run viaApi = mast.run(Duration.ofMinutes(2), "logs", "kube-apiserver-" + node, "-n", "kube-system", "--kubeconfig", kubeconfig);
        assertEquals(0, viaApi.exit(), viaApi.describe());
        assertTrue(viaApi.output().contains(expected), "mast logs through the API prints the container's log; got:\n" + viaApi.output());

        shell.sudo("mv " + MANIFEST + " " + MOVED);
        try {
            assertTrue(NodeChecks.eventually(90, () -> NodeChecks.runningContainer(shell, "kube-apiserver").isEmpty()),
                    node + ": the kubelet stopped the API server when its manifest went");
            MastCli.Run viaNode = mast.run(Duration.ofMinutes(2), "logs", "kube-apiserver-" + node, "--via-node", "--plan",
                    nodes.plan().toString());
            assertEquals(0, viaNode.exit(), viaNode.describe());
            assertTrue(viaNode.output().contains(expected), "mast logs --via-node prints the container's log; got:\n" + viaNode.output());
        } finally {
            shell.sudo("mv " + MOVED + " " + MANIFEST);
        }
        assertTrue(NodeChecks.eventually(180, () -> NodeChecks.answers(shell, "kube-apiserver")), node + ": the API server is back");
        ClusterChecks.assertHealthy(nodes, nodes.kubectl(nodes.adminKubeconfig()));
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
