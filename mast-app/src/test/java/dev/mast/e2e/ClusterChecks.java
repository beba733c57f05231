package dev.mast.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.KubernetesVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the tests check through the API, with the real kubectl: pods, nodes, scheduling, tokens, certificates. */
final class ClusterChecks {
    private static final Pattern GIT_VERSION = Pattern.compile("\"serverVersion\":\\s*\\{[^}]*\"gitVersion\":\\s*\"([^\"]+)\"");

    private ClusterChecks() {
    }

    /** The mirror pods every node's kubelet posts for its static pods: kube-apiserver-node001, ... */
    static List<String> mirrorPods(TestNodes nodes) {
        List<String> pods = new ArrayList<>();
        for (String node : nodes.all()) {
            for (String component : NodeChecks.staticPods(nodes, node)) {
                pods.add(component + "-" + node);
            }
        }
        return pods;
    }

    /** kube-system's pods as "name phase ready/total", by name. */
    static Map<String, String> systemPods(Kubectl kubectl) throws IOException, InterruptedException {
        Map<String, String> pods = new TreeMap<>();
        String out = kubectl.run("get", "pods", "-n", "kube-system", "-o", "jsonpath={range .items[*]}{.metadata.name}"
                + " {.status.phase} {range .status.containerStatuses[*]}{.ready},{end}{\"\\n\"}{end}");
        for (String line : out.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length == 3) {
                List<String> ready = List.of(fields[2].split(","));
                pods.put(fields[0], fields[1] + " " + ready.stream().filter("true"::equals).count() + "/" + ready.size());
            }
        }
        return pods;
    }

    /** Every node's Ready condition, by node. */
    static Map<String, String> nodeReadiness(Kubectl kubectl) throws IOException, InterruptedException {
        Map<String, String> nodes = new TreeMap<>();
        String out = kubectl.run("get", "nodes", "-o", "jsonpath={range .items[*]}{.metadata.name} "
                + "{range .status.conditions[?(@.type==\"Ready\")]}{.status}{end}{\"\\n\"}{end}");
        for (String line : out.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length == 2) {
                nodes.put(fields[0], fields[1]);
            }
        }
        return nodes;
    }

    /**
     * The control plane as kubectl sees it: every node's mirror pods Running 1/1, every node Ready,
     * /readyz ok. Prints what /version says and how many mirror pods run.
     */
    static void assertHealthy(TestNodes nodes, Kubectl kubectl) throws IOException, InterruptedException {
        List<String> expected = mirrorPods(nodes);
        boolean healthy = NodeChecks.eventually(240, () -> {
            Map<String, String> pods = systemPods(kubectl);
            return expected.stream().allMatch(pod -> "Running 1/1".equals(pods.get(pod)))
                    && nodeReadiness(kubectl).values().stream().filter("True"::equals).count() == nodes.all().size();
        });
        Map<String, String> pods = systemPods(kubectl);
        long running = expected.stream().filter(pod -> "Running 1/1".equals(pods.get(pod))).count();
        E2e.figure("mirror_pods_running", running + "/" + expected.size());
        assertTrue(healthy, "mirror pods " + pods + ", nodes " + nodeReadiness(kubectl));
        assertEquals(nodes.all().stream().sorted().toList(), List.copyOf(nodeReadiness(kubectl).keySet()));
        assertEquals("ok", kubectl.run("get", "--raw", "/readyz").trim());
        Matcher version = GIT_VERSION.matcher(kubectl.run("version", "-o", "json"));
        assertTrue(version.find(), "kubectl version printed no server version");
        E2e.figure("apiserver_version", version.group(1));
        assertEquals("v" + nodes.bed().kubernetesVersion(), version.group(1));
    }

    /**
     * The add-ons on the real scheduler and kubelets: a flannel pod Running and Ready on every node
     * (the stand-in gives each node its CNI configuration), and every CoreDNS replica Running and
     * Ready on a node with an address from the pod network.
     */
    static void assertAddOnsRun(TestNodes nodes, Kubectl kubectl) throws IOException, InterruptedException {
        String columns = "jsonpath={range .items[*]}{.spec.nodeName} {.status.phase} {.status.podIP} "
                + "{range .status.containerStatuses[*]}{.ready},{end}{\"\\n\"}{end}";
        List<String> flannel = kubectl.run("get", "pods", "-n", "kube-flannel", "-l", "app=flannel", "-o", columns).strip().lines().toList();
        assertEquals(nodes.all(), flannel.stream().filter(line -> line.matches("\\S+ Running \\S+ (true,)+"))
                .map(line -> line.split(" ")[0]).sorted().toList(), "a Ready flannel pod on every node: " + flannel);
        List<String> dns = kubectl.run("get", "pods", "-n", "kube-system", "-l", "k8s-app=kube-dns", "-o", columns).strip().lines().toList();
        assertTrue(!dns.isEmpty() && dns.stream().allMatch(line -> line.matches("\\S+ Running 10\\.244\\.\\S+ (true,)+")),
                "every CoreDNS pod scheduled, Running and Ready with a pod address: " + dns);
    }

    /** A Deployment of the pause image, one replica per worker, pinned to the workers: each runs and has a pod address. */
    static void assertWorkersRunPods(TestNodes nodes, Kubectl kubectl) throws IOException, InterruptedException {
        List<String> workers = nodes.workers();
        String pauseImage = "registry.k8s.io/pause:" + KubernetesVersion.parse(nodes.bed().kubernetesVersion()).orElseThrow().pauseTag();
        kubectl.apply("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: e2e-pause, namespace: default}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: e2e-pause}}
                  template:
                    metadata: {labels: {app: e2e-pause}}
                    spec:
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                            - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [%s]}]
                        podAntiAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                          - topologyKey: kubernetes.io/hostname
                            labelSelector: {matchLabels: {app: e2e-pause}}
                      containers:
                      - {name: pause, image: "%s"}
                """.formatted(workers.size(), String.join(", ", workers), pauseImage), "apply", "-f", "-");
        kubectl.run("rollout", "status", "deployment/e2e-pause", "--timeout=180s");
        String out = kubectl.run("get", "pods", "-l", "app=e2e-pause", "-o",
                "jsonpath={range .items[*]}{.spec.nodeName} {.status.phase} {.status.podIP}{\"\\n\"}{end}");
        List<String> placed = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            String[] fields = line.split(" ");
            assertEquals("Running", fields[1], line);
            assertTrue(fields.length == 3 && fields[2].startsWith("10.244."), "a pod address from the pod network: " + line);
            placed.add(fields[0]);
        }
        assertEquals(workers, placed.stream().sorted().toList(), "one pause pod on each worker, scheduled by the scheduler");
    }

    /** A token of the default service account authenticates as that account. */
    static void assertServiceAccountTokenAuthenticates(TestNodes nodes, Kubectl admin, Path dir) throws IOException, InterruptedException {
        String token = admin.run("create", "token", "default", "-n", "default").strip();
        String server = admin.run("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}");
        String ca = admin.run("config", "view", "--minify", "--raw", "-o", "jsonpath={.clusters[0].cluster.certificate-authority-data}");
        Path tokenConfig = dir.resolve("token.conf");
        Files.writeString(tokenConfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: e2e, cluster: {server: "%s", certificate-authority-data: "%s"}}]
                users: [{name: sa, user: {token: "%s"}}]
                contexts: [{name: sa, context: {cluster: e2e, user: sa}}]
                current-context: sa
                """.formatted(server, ca, token), StandardCharsets.UTF_8);
        assertEquals("system:serviceaccount:default:default", nodes.kubectl(tokenConfig)
                .run("auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"));
    }

    /**
     * A renewal of the node's kubelet client certificate, as the kubelet asks for one: a CSR for
     * system:node:NODE sent with the kubelet's own credentials (its kubelet.conf) is approved and
     * issued with nobody approving it.
     */
    static void assertKubeletCertificateRenews(TestNodes nodes, String node, Kubectl admin, Path dir) throws Exception {
        Path kubeletConf = dir.resolve("kubelet-" + node + ".conf");
        Files.writeString(kubeletConf, nodes.shell(node).sudo("cat /etc/kubernetes/kubelet.conf"), StandardCharsets.UTF_8);
        Path key = dir.resolve("renewal.key");
        Path csr = dir.resolve("renewal.csr");
        Process openssl = new ProcessBuilder("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-subj", "/O=system:nodes/CN=system:node:" + node, "-keyout", key.toString(), "-out", csr.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, openssl.waitFor(), new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        String name = "e2e-renewal-" + node;
        nodes.kubectl(kubeletConf).apply("""
                apiVersion: certificates.k8s.io/v1
                kind: CertificateSigningRequest
                metadata: {name: %s}
                spec:
                  request: %s
                  signerName: kubernetes.io/kube-apiserver-client-kubelet
                  usages: [digital signature, client auth]
                """.formatted(name, Base64.getEncoder().encodeToString(Files.readAllBytes(csr))), "create", "-f", "-");
        boolean issued = NodeChecks.eventually(60, () -> !admin.run("get", "csr", name, "-o", "jsonpath={.status.certificate}").isBlank());
        String conditions = admin.run("get", "csr", name, "-o", "jsonpath={range .status.conditions[*]}{.type}={.status} {end}");
        assertTrue(issued && conditions.contains("Approved=True"), "the renewal of " + node + "'s certificate: " + conditions);
        String requestor = admin.run("get", "csr", name, "-o", "jsonpath={.spec.username}");
        assertEquals("system:node:" + node, requestor, "sent with the kubelet's own credentials");
    }
}
