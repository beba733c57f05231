package dev.mast.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/** {@code mast pods} and {@code mast logs} against the real components: through the API and from a node's runtime. */
final class LogChecks {
    private static final String MANIFEST = "/etc/kubernetes/manifests/kube-apiserver.yaml";
    private static final String KEPT = "/etc/kubernetes/kube-apiserver.yaml.e2e";
    /** A flag kube-apiserver does not know: with it, the API server stops at once, saying so in its log. */
    private static final String BAD_FLAG = "--e2e-no-such-flag";

    private LogChecks() {
    }

    /**
     * mast pods lists the node's mirror pods Running; mast logs prints a real line of the node's API
     * server through the API and from the node's containerd (the real crictl). Then the node's API
     * server goes down and mast logs --via-node prints why, from the stopped container. (With its
     * manifest moved away instead, the real kubelet removes the API server's containers, logs included,
     * as soon as they stop: there is nothing left to read.) Puts the manifest back and waits for the
     * API server.
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
        String serving = firstLogLine(shell, "", "Serving securely on");

        MastCli.Run viaApi = logs(mast, node, "-n", "kube-system", "--kubeconfig", kubeconfig);
        assertTrue(viaApi.output().contains(serving), "mast logs through the API prints the container's log; got:\n" + viaApi.output());
        MastCli.Run viaNode = logs(mast, node, "--via-node", "--plan", nodes.plan().toString());
        assertTrue(viaNode.output().contains(serving), "mast logs --via-node prints the container's log; got:\n" + viaNode.output());

        shell.sudo("cp " + MANIFEST + " " + KEPT + " && sed -i 's|^    - \"kube-apiserver\"$|&\\n    - \"" + BAD_FLAG + "\"|' "
                + MANIFEST + " && grep -q -- " + BAD_FLAG + " " + MANIFEST);
        try {
            assertTrue(NodeChecks.eventually(180, () -> shell.check("crictl ps -a --state exited -q --name '^kube-apiserver$' | grep -q ."
                    + " && crictl logs $(crictl ps -a --state exited -q --name '^kube-apiserver$' | head -n 1) 2>&1 | grep -q -- "
                    + BAD_FLAG)), node + ": the API server stopped on the flag it does not know");
            // From the container that stopped: the kubelet may have created the next one, with no log yet.
            String refused = firstLogLine(shell, "--state exited ", BAD_FLAG);
            MastCli.Run down = logs(mast, node, "--via-node", "--plan", nodes.plan().toString());
            assertTrue(down.output().contains(refused), "mast logs --via-node prints the stopped API server's log; got:\n"
                    + down.output());
        } finally {
            shell.sudo("mv " + KEPT + " " + MANIFEST);
        }
        assertTrue(NodeChecks.eventually(240, () -> NodeChecks.answers(shell, "kube-apiserver")), node + ": the API server is back");
        ClusterChecks.assertHealthy(nodes, nodes.kubectl(nodes.adminKubeconfig()));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * The first line with {@code text} in the log of the node's newest API server container (of those crictl's
     * {@code state} option picks), as crictl prints it.
     */
    private static String firstLogLine(NodeShell shell, String state, String text) throws Exception {
        String line = shell.sudo("crictl logs $(crictl ps -a " + state + "-q --name '^kube-apiserver$' | head -n 1) 2>&1 | grep -m1 -- '"
                + text + "'").strip();
        assertTrue(line.contains(text), "the API server's own log: " + line);
        return line;
    }

    private static MastCli.Run logs(MastCli mast, String node, String... options) throws Exception {
        String[] args = new String[options.length + 2];
        args[0] = "logs";
        args[1] = "kube-apiserver-" + node;
        System.arraycopy(options, 0, args, 2, options.length);
        MastCli.Run run = mast.run(Duration.ofMinutes(2), args);
        assertEquals(0, run.exit(), run.describe());
        return run;
    }
}
