package dev.mast.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.files.NodeFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins every file Mast writes for the three-master plan, byte for byte, under
 * {@code src/test/resources/golden/<host>/<absolute path on the node>}.
 *
 * <p>A mismatch fails the test. After an intended change, regenerate the files and review the diff:
 * <pre>
 *   mvn -o -q test -Dtest=GoldenFilesTest -Dgolden.update=true      (or GOLDEN_UPDATE=true in the environment)
 *   git diff mast-core/src/test/resources/golden
 * </pre>
 * Update mode rewrites the golden tree from scratch (stale files are removed) and still fails, so a
 * run that changed the golden files can never pass unnoticed.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of(System.getProperty("basedir", "."), "src/test/resources/golden");
    private static final Plan PLAN = TestPlans.threeMasters();

    static boolean updating() {
        return Boolean.getBoolean("golden.update") || "true".equalsIgnoreCase(System.getenv("GOLDEN_UPDATE"));
    }

    static Stream<String> hosts() {
        return PLAN.nodes().stream().map(Node::hostName);
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void everyFileOfTheNodeMatchesItsGoldenCopy(String host) throws IOException {
        List<NodeFile> files = ManifestSet.filesFor(PLAN, TestPlans.named(PLAN, host));
        Path hostDir = GOLDEN.resolve(host);
        if (updating()) {
            rewrite(hostDir, files);
            fail("golden files of " + host + " rewritten in " + hostDir.toAbsolutePath() + "; review the diff and run again without golden.update");
        }
        assertEquals(relativePaths(files), goldenPaths(hostDir),
                "files rendered for " + host + " differ from the golden tree " + hostDir + " (run with -Dgolden.update=true to regenerate)");
        var mismatches = new ArrayList<String>();
        for (NodeFile file : files) {
            String golden = Files.readString(hostDir.resolve(file.path().substring(1)));
            if (!golden.equals(file.text())) {
                mismatches.add(file.path() + ": " + firstDifference(golden, file.text()));
            }
        }
        assertTrue(mismatches.isEmpty(), host + ": rendered files differ from golden copies (run with -Dgolden.update=true"
                + " to regenerate, then review the diff):\n" + String.join("\n", mismatches));
    }

    @Test
    void theGoldenTreeHoldsExactlyThePlansNodes() throws IOException {
        if (updating()) {
            deleteHostsNotIn(PLAN);
            fail("golden host folders not in the plan removed from " + GOLDEN.toAbsolutePath());
        }
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            Set<String> onDisk = dirs.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(hosts().collect(Collectors.toCollection(TreeSet::new)), onDisk);
        }
    }

    private static Set<String> relativePaths(List<NodeFile> files) {
        return files.stream().map(f -> f.path().substring(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> goldenPaths(Path hostDir) throws IOException {
        if (!Files.isDirectory(hostDir)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(hostDir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> hostDir.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of file>";
            String al = i < a.length ? a[i] : "<end of file>";
            if (!el.equals(al)) {
                return "line " + (i + 1) + ": golden \"" + el + "\", rendered \"" + al + "\"";
            }
        }
        return "same lines, different line endings";
    }

    private static void rewrite(Path hostDir, List<NodeFile> files) throws IOException {
        deleteRecursively(hostDir);
        for (NodeFile file : files) {
            Path target = hostDir.resolve(file.path().substring(1));
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
        }
    }

    private static void deleteHostsNotIn(Plan plan) throws IOException {
        Set<String> hosts = hosts().collect(Collectors.toSet());
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            for (Path dir : dirs.toList()) {
                if (!hosts.contains(dir.getFileName().toString())) {
                    deleteRecursively(dir);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted((x, y) -> y.getNameCount() - x.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
