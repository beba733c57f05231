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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

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

    @Test
    void theReleasesFilesTogetherHoldEverySettingOfEveryRelease() throws IOException {
        Set<String> held = new TreeSet<>();
        for (String release : RELEASE_NAMES) {
            held.addAll(settingsIn(release).keySet().stream().map(KismaticReleasesTest::anyGroup).toList());
        }
        Set<String> missing = new TreeSet<>(KismaticSchema.paths().stream().map(KismaticReleasesTest::anyGroup).toList());
        missing.removeAll(held);
        assertEquals(Set.of(), missing, "settings of the schema that no release's file holds");
    }

    @ParameterizedTest
    @MethodSource("releases")
    void aReleasesFileHoldsOnlySettingsThatReleaseHad(String release) throws IOException {
        settingsIn(release).forEach((setting, path) -> {
            String since = KismaticSchema.find(path).orElseThrow().since();
            assertTrue(minor(since) <= minor(release), release + ": " + path + " came with " + since);
        });
    }

    /** The schema's path of each setting the release's file holds, with one concrete path of it. */
    private static Map<String, String> settingsIn(String release) throws IOException {
        Map<String, String> settings = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(RELEASES.resolve(release).resolve("kismatic-cluster.yaml"), StandardCharsets.UTF_8)) {
            collect("", new Yaml().load(reader), settings);
        }
        return settings;
    }

    private static void collect(String path, Object value, Map<String, String> settings) {
        if (!path.isEmpty()) {
            settings.putIfAbsent(KismaticSchema.genericPath(path).orElseThrow(() -> new AssertionError("unknown: " + path)), path);
        }
        if (value instanceof Map<?, ?> map) {
            if (!map.isEmpty() && KismaticSchema.isFreeForm(path)) {
                // Free-form keys (labels, flags, driver options) may hold dots: the entries are one setting.
                settings.putIfAbsent(KismaticSchema.genericPath(path).orElseThrow() + ".*", path);
                return;
            }
            map.forEach((key, child) -> collect(StrictYaml.join(path, String.valueOf(key)), child, settings));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(path + "[" + i + "]", list.get(i), settings);
            }
        }
    }

    /** Every node group has the same node settings: a file needs each in one group only. */
    private static String anyGroup(String setting) {
        return setting.replaceFirst("^(etcd|master|worker|ingress|storage)\\.nodes\\[]\\.", "<group>.nodes[].");
    }

    private static int minor(String release) {
        return Integer.parseInt(release.substring(release.indexOf('.') + 1));
    }
}
