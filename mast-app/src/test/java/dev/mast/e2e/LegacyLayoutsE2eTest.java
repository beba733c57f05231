package dev.mast.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mast upgrade} of clusters laid out as the installers that ran their control plane as
 * systemd services left them (legacy.sh): Kubernetes the Hard Way and Kismatic up to v1.2, on the
 * real programs. Afterwards the cluster is the same cluster: the old admin kubeconfig works, a
 * service-account token issued before authenticates, a Secret stored (encrypted at rest) before
 * reads back, and the mirror pods run.
 */
@Tag("e2e")
@ExtendWith(E2e.class)
class LegacyLayoutsE2eTest {
    private static final String SECRET = """
            apiVersion: v1
            kind: Secret
            metadata: {name: legacy-secret, namespace: default}
            stringData: {password: created before the conversion}
            """;

    @TempDir
    Path dir;

    /** The bed's plan with the cluster's own address ranges, as its owner writes the plan of a cluster that exists. */
    private static Path planOf(TestNodes nodes, Path dir, String podCidr, String serviceCidr) throws IOException {
        Path plan = dir.resolve("cluster.yaml");
        Files.writeString(plan, Files.readString(nodes.plan()).replace("podCidr: 10.244.0.0/16", "podCidr: " + podCidr)
                .replace("serviceCidr: 10.96.0.0/12", "serviceCidr: " + serviceCidr), StandardCharsets.UTF_8);
        return plan;
    }

    private static Kubectl legacyAdmin(TestNodes nodes) {
        return nodes.kubectl(nodes.bed().dir().resolve("legacy/admin.conf"));
    }

    /** What a user of the old cluster holds: a Secret it stored encrypted, and a token it issued. */
    private record Before(String token) {
        static Before record(Kubectl admin) throws IOException, InterruptedException {
            admin.apply(SECRET, "apply", "-f", "-");
            return new Before(admin.run("create", "token", "default", "-n", "default", "--duration=2h").strip());
        }

        void assertStillWorks(TestNodes nodes, Kubectl admin, Path dir) throws IOException, InterruptedException {
            String stored = admin.run("get", "secret", "legacy-secret", "-n", "default", "-o", "jsonpath={.data.password}");
            assertEquals("created before the conversion", new String(Base64.getDecoder().decode(stored.strip()), StandardCharsets.UTF_8),
                    "the Secret stored before reads back: the API server decrypts with the cluster's own key");
            String server = admin.run("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}");
            String ca = admin.run("config", "view", "--minify", "--raw", "-o", "jsonpath={.clusters[0].cluster.certificate-authority-data}");
            Path tokenConfig = dir.resolve("old-token.conf");
            Files.writeString(tokenConfig, """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: old, cluster: {server: "%s", certificate-authority-data: "%s"}}]
                    users: [{name: sa, user: {token: "%s"}}]
                    contexts: [{name: sa, context: {cluster: old, user: sa}}]
                    current-context: sa
                    """.formatted(server, ca, token), StandardCharsets.UTF_8);
            assertEquals("system:serviceaccount:default:default", nodes.kubectl(tokenConfig)
                    .run("auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"), "the token issued before still authenticates");
        }
    }

    private static void assertMirrorPodsRun(Kubectl admin, List<String> pods) throws Exception {
        assertTrue(NodeChecks.eventually(180, () -> {
            Map<String, String> now = ClusterChecks.systemPods(admin);
            return pods.stream().allMatch(pod -> "Running 1/1".equals(now.get(pod)));
        }), "mirror pods running: " + ClusterChecks.systemPods(admin));
    }

    /** The longest time the API server at {@code url} answered nothing while {@code during} ran. */
    private static Duration downtime(String url, IoAction during) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong longest = new AtomicLong();
        Thread watcher = new Thread(() -> {
            long lastAnswer = System.nanoTime();
            while (!done.get()) {
                try {
                    Process curl = new ProcessBuilder("curl", "-sk", "--max-time", "1", "-o", "/dev/null", "-w", "%{http_code}", url)
                            .redirectErrorStream(true).start();
                    String code = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
                    curl.waitFor(3, TimeUnit.SECONDS);
                    long now = System.nanoTime();
                    if (!code.isEmpty() && !code.equals("000")) {
                        longest.accumulateAndGet(now - lastAnswer, Math::max);
                        lastAnswer = now;
                    }
                    Thread.sleep(100);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "e2e-api-downtime");
        watcher.start();
        try {
            during.run();
        } finally {
            done.set(true);
            watcher.join(5000);
        }
        return Duration.ofNanos(longest.get());
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws Exception;
    }

    /**
     * The API server's own start on the node: from its service's start to its first answer. Stopped first and
     * untimed: the real kube-apiserver closes its port at once but lingers until systemd kills it.
     */
    private static Duration coldStart(NodeShell shell, String service) throws IOException {
        String seconds = shell.sudo("systemctl stop " + service + "; start=$(date +%s%N); systemctl start " + service + "; "
                + "until curl -sk --max-time 1 -o /dev/null -w '%{http_code}' https://127.0.0.1:6443/livez | grep -qv '^000$'; do sleep 0.05; done; "
                + "echo $(( ($(date +%s%N) - start) / 1000000 ))").strip();
        return Duration.ofMillis(Long.parseLong(seconds));
    }

    private static String seconds(Duration duration) {
        return String.format("%.2f", duration.toMillis() / 1000.0);
    }

    @Test
    void theHardWayKeepsItsIdentityAndItsControllerGetsAKubeletFirst() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 3, 1, "--legacy=hardway")) {
            NodeShell controller = nodes.shell("node001");
            assertFalse(controller.check("systemctl cat kubelet"), "the tutorial's controller runs no kubelet");
            assertFalse(controller.check("dpkg -S /usr/local/bin/kube-apiserver"), "installed by hand, owned by no package");
            Kubectl admin = legacyAdmin(nodes);
            Before before = Before.record(admin);
            String etcdValue = controller.sudo("curl -s http://127.0.0.1:2379/v3/kv/range -d '{\"key\":\""
                    + Base64.getEncoder().encodeToString("/registry/secrets/default/legacy-secret".getBytes(StandardCharsets.UTF_8)) + "\"}'");
            assertTrue(new String(Base64.getDecoder().decode(etcdValue.replaceFirst("(?s).*\"value\":\"([^\"]+)\".*", "$1")),
                    StandardCharsets.ISO_8859_1).startsWith("k8s:enc:aescbc:v1:key1:"), "the Secret is encrypted at rest in etcd");
            String identity = controller.sudo("sha256sum /var/lib/kubernetes/* /etc/systemd/system/etcd.service");
            Duration coldStart = coldStart(controller, "kube-apiserver");
            Path plan = planOf(nodes, dir, "10.200.0.0/16", "10.32.0.0/24");
            MastCli mast = new MastCli(dir);

            MastCli.Run[] run = new MastCli.Run[1];
            Duration downtime = downtime("https://" + nodes.ip("node001") + ":6443/livez", () -> run[0] = mast.run(
                    UpgradeE2eTest.RUN_TIMEOUT, "upgrade", "--plan", plan.toString(), "--yes", "--known-hosts",
                    nodes.knownHosts().toString(), "--health-timeout", "240"));

            assertEquals(0, run[0].exit(), run[0].describe());
            E2e.figure("conversion_api_downtime_s", seconds(downtime));
            E2e.figure("apiserver_cold_start_s", seconds(coldStart));
            assertTrue(controller.check("systemctl is-active kubelet && systemctl is-active containerd"), "the controller got a kubelet");
            assertEquals(identity, controller.sudo("sha256sum /var/lib/kubernetes/* /etc/systemd/system/etcd.service"),
                    "the cluster's CA, keys, kubeconfigs, encryption config and etcd's unit are the same bytes");
            assertTrue(controller.check("systemctl is-active etcd"), "etcd is not touched");
            String manifest = controller.sudo("cat /etc/kubernetes/manifests/kube-apiserver.yaml");
            for (String flag : List.of("--client-ca-file=/var/lib/kubernetes/ca.crt", "--etcd-servers=http://127.0.0.1:2379",
                    "--service-account-issuer=https://server.kubernetes.local:6443", "--runtime-config=api/all=true",
                    "--encryption-provider-config=/var/lib/kubernetes/encryption-config.yaml")) {
                assertTrue(manifest.contains(flag), flag + " in\n" + manifest);
            }
            for (String component : NodeChecks.CONTROL_PLANE) {
                assertFalse(controller.check("test -e /etc/systemd/system/" + component + ".service"), component + ": its unit is gone");
                assertTrue(controller.check("test -x /usr/local/bin/" + component), component + ": a program of no package stays");
            }
            for (String worker : List.of("node002", "node003")) {
                assertFalse(nodes.shell(worker).check("systemctl is-active kube-proxy"), worker + ": kube-proxy's service stopped");
            }
            before.assertStillWorks(nodes, admin, dir);
            assertMirrorPodsRun(admin, List.of("kube-apiserver-node001", "kube-controller-manager-node001", "kube-scheduler-node001",
                    "kube-proxy-node001", "kube-proxy-node002", "kube-proxy-node003"));
            E2e.parts("hard way upgrade", Map.of("boot", nodes.bootTime(), "upgrade", run[0].took()));
        }
    }

    @Test
    void kismaticKeepsItsPemFilesWithoutItsCaKeyAndLosesOnlyThePackageWhoseEveryComponentWasConverted() throws Exception {
        try (TestNodes nodes = TestNodes.up(dir, 2, 1, "--legacy=kismatic")) {
            Kubectl admin = legacyAdmin(nodes);
            Before before = Before.record(admin);
            NodeShell master = nodes.shell("node001");
            assertFalse(master.check("grep -rl 'PRIVATE KEY' /etc/kubernetes/pki/ca.pem"), "no node has the CA's key");
            Path plan = planOf(nodes, dir, "172.16.0.0/16", "172.20.0.0/16");
            MastCli mast = new MastCli(dir);

            MastCli.Run run = mast.run(UpgradeE2eTest.RUN_TIMEOUT, "upgrade", "--plan", plan.toString(), "--yes", "--known-hosts",
                    nodes.knownHosts().toString(), "--health-timeout", "240", "--kubeconfig",
                    nodes.bed().dir().resolve("legacy/admin.conf").toString());

            assertEquals(0, run.exit(), run.describe());
            assertFalse(master.check("dpkg -s kismatic-kubernetes-master"), "its three components converted: purged");
            assertTrue(master.check("dpkg -s kismatic-kubernetes-node"), "it holds the kubelet: stays");
            assertTrue(nodes.shell("node002").check("dpkg -s kismatic-kubernetes-node"));
            String manifest = master.sudo("cat /etc/kubernetes/manifests/kube-apiserver.yaml");
            assertTrue(manifest.contains("--anonymous-auth=false") && manifest.contains("tcpSocket"), manifest);
            assertTrue(master.check("systemctl is-active etcd_k8s"), "etcd is not touched");
            before.assertStillWorks(nodes, admin, dir);
            assertMirrorPodsRun(admin, List.of("kube-apiserver-node001", "kube-controller-manager-node001", "kube-scheduler-node001",
                    "kube-proxy-node001", "kube-proxy-node002"));
            assertEquals("0", admin.run("get", "pod", "kube-apiserver-node001", "-n", "kube-system", "-o",
                    "jsonpath={.status.containerStatuses[0].restartCount}").strip(), "ready on its port, and never restarted by a probe");
            E2e.parts("kismatic upgrade", Map.of("boot", nodes.bootTime(), "upgrade", run.took()));
        }
    }
}
