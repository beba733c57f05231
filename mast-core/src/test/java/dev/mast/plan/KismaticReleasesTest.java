package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the import: a Kismatic plan of each release from v1.0 to v1.12, written the way
 * that release's {@code kismatic install plan} wrote it, under
 * {@code src/test/resources/kismatic/releases/<release>/kismatic-cluster.yaml}, with the Mast plan
 * the import makes of it ({@code expected-plan.yaml}) and its warnings ({@code expected-warnings.txt}).
 *
 * <p>After an intended change, regenerate and review the diff:
 * <pre>
 *   mvn -o -q test -Dtest=KismaticReleasesTest -Dgolden.update=true
 *   git diff src/test/resources/kismatic/releases
 * </pre>
 * Update mode rewrites the expected files and still fails, so it never passes unnoticed.
 */
class KismaticReleasesTest {
    static final Path RELEASES = Path.of(System.getProperty("basedir", "."), "src/test/resources/kismatic/releases");
    static final List<String> RELEASE_NAMES = List.of("v1.0", "v1.1", "v1.2", "v1.3", "v1.4", "v1.5", "v1.6", "v1.7", "v1.8",
            "v1.9", "v1.10", "v1.11", "v1.12");

    static Stream<String> releases() {
        return RELEASE_NAMES.stream();
    }

    static ImportResult importRelease(String release) throws IOException {
        try (Reader reader = Files.newBufferedReader(RELEASES.resolve(release).resolve("kismatic-cluster.yaml"), StandardCharsets.UTF_8)) {
            return KismaticImport.read("kismatic-cluster.yaml", reader);
        }
    }

    private static boolean updating() {
        return Boolean.getBoolean("golden.update") || "true".equalsIgnoreCase(System.getenv("GOLDEN_UPDATE"));
    }

    @ParameterizedTest
    @MethodSource("releases")
    void theImportOfEachReleaseMatchesItsGoldenPlanAndWarnings(String release) throws IOException {
        ImportResult result = importRelease(release);
        String plan = PlanWriter.toYaml(result.plan());
        String warnings = result.warnings().stream().map(Problem::toString).collect(Collectors.joining("\n", "", "\n"));
        Path dir = RELEASES.resolve(release);
        if (updating()) {
            Files.writeString(dir.resolve("expected-plan.yaml"), plan);
            Files.writeString(dir.resolve("expected-warnings.txt"), warnings);
            fail("golden files of " + release + " rewritten in " + dir.toAbsolutePath() + "; review the diff and run again without golden.update");
        }
        assertEquals(Files.readString(dir.resolve("expected-plan.yaml")), plan, release + ": plan (regenerate with -Dgolden.update=true)");
        assertEquals(Files.readString(dir.resolve("expected-warnings.txt")), warnings, release + ": warnings");
    }

    @ParameterizedTest
    @MethodSource("releases")
    void noSettingOfAnyReleaseIsCalledUnknownAndEveryWarningIsLocated(String release) throws IOException {
        ImportResult result = importRelease(release);
        for (Problem warning : result.warnings()) {
            assertTrue(warning.location().isPresent(), release + ": " + warning);
            assertTrue(!warning.message().contains("is not a setting of any Kismatic release")
                    && !warning.message().contains("is not a section of any Kismatic release"), release + ": " + warning);
        }
    }

    @ParameterizedTest
    @MethodSource("releases")
    void everyReleaseKeepsItsEndpointNodesAndKismaticsDnsAddress(String release) throws IOException {
        Plan plan = importRelease(release).plan();
        assertEquals("kube.acme.example.com:6443", plan.controlPlaneEndpoint(), release);
        assertEquals("172.20.0.2", plan.clusterDnsIp(), release);
        assertTrue(plan.apiServerCert().extraSans().contains("kube"), release);
        assertEquals(PodNetwork.NONE, plan.podNetwork(), release);
        long expectedNodes = release.equals("v1.0") || release.equals("v1.1") ? 8 : 9;
        assertEquals(expectedNodes, plan.nodes().size(), release);
    }
}
