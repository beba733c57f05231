package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Kismatic plan of every release from v1.0 to v1.12 through the commands a user runs on it:
 * import, validate, render. Each either works or says what is wrong at its line, exit code 2;
 * no stack trace ever reaches the user.
 */
class KismaticRoundTripTest {
    @TempDir
    Path dir;

    static Stream<String> releases() {
        return Stream.of("v1.0", "v1.1", "v1.2", "v1.3", "v1.4", "v1.5", "v1.6", "v1.7", "v1.8", "v1.9", "v1.10", "v1.11", "v1.12");
    }

    private Path fixture(String release) throws IOException {
        Path file = dir.resolve("kismatic-cluster.yaml");
        try (var in = KismaticRoundTripTest.class.getResourceAsStream("/kismatic/releases/" + release + "/kismatic-cluster.yaml")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static void assertNoStackTrace(CliRun run) {
        String all = run.out() + run.err();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("Caused by"), all);
    }

    @ParameterizedTest
    @MethodSource("releases")
    void importValidateAndRenderEitherWorkOrSayWhereTheProblemIs(String release) throws Exception {
        Path plan = dir.resolve("cluster.yaml");
        CliRun imported = CliRun.of("import-kismatic", fixture(release).toString(), "--out", plan.toString());
        assertEquals(MastCommand.OK, imported.exitCode(), imported.err());
        assertNoStackTrace(imported);
        // The plan names the operator's key file; this machine has its own.
        Path key = Files.writeString(dir.resolve("kismaticuser.key"), "key");
        Files.writeString(plan, Files.readString(plan).replace("/home/ops/.ssh/kismaticuser.key", key.toString()));

        CliRun validated = CliRun.of("validate", "--plan", plan.toString());
        assertNoStackTrace(validated);
        Path out = dir.resolve("rendered");
        CliRun rendered = CliRun.of("render", "--plan", plan.toString(), "--out", out.toString());
        assertNoStackTrace(rendered);
        if (release.equals("v1.12")) {
            // Its audit log sits directly in /var/log: validate says so at the line, and render refuses the same way.
            String problem = ": cluster.extraFlags.kube-apiserver.audit-log-path: --audit-log-path names"
                    + " /var/log/kube-apiserver-audit.log";
            assertEquals(MastCommand.BAD_INPUT, validated.exitCode(), validated.out());
            assertTrue(validated.out().contains(plan + ":14:7" + problem), validated.out());
            assertEquals(MastCommand.BAD_INPUT, rendered.exitCode(), rendered.err());
            assertTrue(rendered.err().contains(plan + ":14:7" + problem), rendered.err());
            return;
        }
        assertEquals(MastCommand.OK, validated.exitCode(), validated.out());
        assertEquals(MastCommand.OK, rendered.exitCode(), rendered.err());
        assertTrue(Files.exists(out.resolve("master01/etc/kubernetes/manifests/kube-apiserver.yaml")));
        assertKeepsKismaticsDnsAddressAndCertificateNames(release, out);
        if (!List.of("v1.0", "v1.1").contains(release)) {
            // The storage node was kept as a worker: its kube-proxy moves to a static pod like every other node's.
            assertTrue(Files.exists(out.resolve("storage01/etc/kubernetes/manifests/kube-proxy.yaml")));
        }
    }

    private static void assertKeepsKismaticsDnsAddressAndCertificateNames(String release, Path out) throws Exception {
        assertTrue(Files.readString(out.resolve("worker01/var/lib/kubelet/config.yaml")).contains("clusterDNS:\n- 172.20.0.2\n"));
        X509Certificate apiserver = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Files.readAllBytes(out.resolve("master01/etc/kubernetes/pki/apiserver.crt"))));
        List<String> names = apiserver.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
        assertTrue(names.containsAll(List.of("kube.acme.example.com", "kube")), names.toString());
        if (release.equals("v1.11")) {
            assertTrue(names.containsAll(List.of("kube.internal.acme.example.com", "10.42.0.100")), names.toString());
        }
    }
}
