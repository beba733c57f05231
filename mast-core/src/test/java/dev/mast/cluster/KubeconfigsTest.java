package dev.mast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.pki.PkiStore;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path adminConf() throws Exception {
        return write("admin.conf", """
                apiVersion: v1
                kind: Config
                clusters:
                - name: prod
                  cluster:
                    server: https://10.0.0.11:6443
                    insecure-skip-tls-verify: true
                contexts:
                - name: kubernetes-admin@prod
                  context:
                    cluster: prod
                    user: kubernetes-admin
                    namespace: kube-system
                - name: viewer@prod
                  context:
                    cluster: prod
                    user: viewer
                current-context: kubernetes-admin@prod
                users:
                - name: kubernetes-admin
                  user:
                    token: admin-token
                - name: viewer
                  user:
                    token: viewer-token
                """);
    }

    @Test
    void readsKubeconfigFromTheEnvironmentVariableLikeKubectl() {
        Path home = dir.resolve("home");
        String list = "/etc/a.conf" + File.pathSeparator + "/etc/b.conf" + File.pathSeparator;
        assertEquals(List.of(Path.of("/etc/a.conf"), Path.of("/etc/b.conf")),
                Kubeconfigs.defaultFiles(Map.of("KUBECONFIG", list), home));
        assertEquals(List.of(home.resolve(".kube/config")), Kubeconfigs.defaultFiles(Map.of(), home));
        assertEquals(List.of(home.resolve(".kube/config")), Kubeconfigs.defaultFiles(Map.of("KUBECONFIG", " "), home));
    }

    @Test
    void listsTheContextsAndTheCurrentOne() throws Exception {
        Kubeconfigs configs = Kubeconfigs.load(adminConf());
        assertEquals(List.of("kubernetes-admin@prod", "viewer@prod"),
                configs.contexts().stream().map(KubeContext::name).toList());
        KubeContext admin = configs.contexts().get(0);
        assertEquals("prod", admin.cluster());
        assertEquals("kubernetes-admin", admin.user());
        assertEquals("kube-system", admin.namespace());
        assertEquals("https://10.0.0.11:6443", admin.server());
        assertEquals(Optional.of("kubernetes-admin@prod"), configs.currentContext());
        assertEquals("kubernetes-admin@prod", configs.choose(null).name());
        assertEquals("viewer@prod", configs.choose("viewer@prod").name());
    }

    @Test
    void buildsTheClientConfigurationOfTheChosenContext() throws Exception {
        Kubeconfigs configs = Kubeconfigs.load(adminConf());
        Config viewer = configs.clientConfig(configs.context("viewer@prod"));
        assertEquals("https://10.0.0.11:6443/", viewer.getMasterUrl());
        assertEquals("viewer-token", viewer.getAutoOAuthToken());
    }

    @Test
    void connectsWithTheEcdsaClientKeyOfMastsAdminKubeconfig() throws Exception {
        // fabric8 takes a PKCS#8 key for RSA unless told: without naming the algorithm, building the
        // client fails with "Invalid DER: object is not integer".
        Plan plan = PlanFile.parse("prod.yaml", """
                cluster: {name: prod, kubernetesVersion: "1.34", containerRuntime: containerd, podCidr: 10.244.0.0/16,
                          serviceCidr: 10.96.0.0/12, dnsDomain: cluster.local, apiServerPort: 6443}
                nodes:
                  - {hostName: node001, ip: 10.0.0.11, roles: [etcd, master, worker]}
                """).plan();
        Path file = write("prod-admin.conf", new PkiStore().loadOrCreate(dir.resolve("pki"), plan).adminKubeconfig());
        Kubeconfigs configs = Kubeconfigs.load(file);
        KubeContext current = configs.context(configs.currentContext().orElseThrow());
        assertEquals("EC", configs.clientConfig(current).getClientKeyAlgo());
        try (KubernetesClient client = configs.connect(current)) {
            assertTrue(client.getMasterUrl().toString().startsWith("https://"), client.getMasterUrl().toString());
        }
    }

    @Test
    void mergesSeveralFilesFirstOneWinsAndResolvesRelativePaths() throws Exception {
        Path first = adminConf();
        Files.createDirectories(dir.resolve("other"));
        Files.writeString(dir.resolve("other/ca.crt"), "not read until connecting");
        Path second = write("other/dev.conf", """
                apiVersion: v1
                kind: Config
                clusters:
                - name: prod
                  cluster:
                    server: https://shadowed.example:6443
                - name: dev
                  cluster:
                    server: https://dev.example:6443
                    certificate-authority: ca.crt
                contexts:
                - name: dev
                  context:
                    cluster: dev
                    user: kubernetes-admin
                current-context: dev
                """);
        Kubeconfigs configs = Kubeconfigs.load(List.of(dir.resolve("missing.conf"), first, second));
        assertEquals(List.of(first, second), configs.files());
        assertEquals(List.of("kubernetes-admin@prod", "viewer@prod", "dev"),
                configs.contexts().stream().map(KubeContext::name).toList());
        assertEquals(Optional.of("kubernetes-admin@prod"), configs.currentContext(), "the first current-context wins");
        assertEquals("https://10.0.0.11:6443", configs.contexts().get(0).server(), "the first cluster of a name wins");
        KubeContext dev = configs.context("dev");
        assertEquals(second, dev.file());
        Config devConfig = configs.clientConfig(dev);
        assertEquals("https://dev.example:6443/", devConfig.getMasterUrl());
        assertEquals("admin-token", devConfig.getAutoOAuthToken(), "the user comes from the other file");
        assertEquals(dir.resolve("other/ca.crt").toString(), devConfig.getCaCertFile());
    }

    @Test
    void namesTheKnownContextsWhenOneIsMissing() throws Exception {
        Kubeconfigs configs = Kubeconfigs.load(adminConf());
        var e = assertThrows(KubeconfigException.class, () -> configs.choose("staging"));
        assertTrue(e.getMessage().contains("\"staging\""), e.getMessage());
        assertTrue(e.getMessage().contains("kubernetes-admin@prod, viewer@prod"), e.getMessage());
    }

    @Test
    void asksForAContextWhenNoneIsCurrentAndThereAreSeveral() throws Exception {
        Path file = write("two.conf", Files.readString(adminConf()).replace("current-context: kubernetes-admin@prod\n", ""));
        var e = assertThrows(KubeconfigException.class, () -> Kubeconfigs.load(file).choose(null));
        assertTrue(e.getMessage().contains("sets no current-context"), e.getMessage());
    }

    @Test
    void saysWhatIsWrongWithAFileThatIsNotAKubeconfig() throws Exception {
        var missing = assertThrows(KubeconfigException.class, () -> Kubeconfigs.load(dir.resolve("nope.conf")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        var none = assertThrows(KubeconfigException.class, () -> Kubeconfigs.load(List.of(dir.resolve("nope.conf"))));
        assertTrue(none.getMessage().contains("No kubeconfig found"), none.getMessage());
        Path list = write("list.yaml", "- just\n- a list\n");
        var notMapping = assertThrows(KubeconfigException.class, () -> Kubeconfigs.load(list));
        assertTrue(notMapping.getMessage().contains("is not a kubeconfig"), notMapping.getMessage());
        Path broken = write("broken.yaml", "clusters: [\n");
        var notYaml = assertThrows(KubeconfigException.class, () -> Kubeconfigs.load(broken));
        assertTrue(notYaml.getMessage().contains("is not valid YAML"), notYaml.getMessage());
    }
}
