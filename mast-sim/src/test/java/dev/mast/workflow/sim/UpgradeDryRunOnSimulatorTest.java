package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Node;
import dev.mast.sim.LegacyLayout;
import dev.mast.workflow.DryRunReport;
import dev.mast.workflow.NodeLog;
import dev.mast.workflow.RememberedAnswers;
import dev.mast.workflow.Remote;
import dev.mast.workflow.RemoteFactory;
import dev.mast.workflow.legacy.LegacyNodeReader;
import dev.mast.workflow.run.ClusterRun;
import dev.mast.workflow.tasks.UnfinishedConversions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The upgrade's dry run as {@code mast upgrade --dry-run} and the Preview page make it (what the nodes answered to the
 * reads before it reused, the masters' one-at-a-time conversions side by side) shows exactly what a dry run shows that
 * asks every node everything again and takes every turn one after the other, on each legacy layout.
 */
class UpgradeDryRunOnSimulatorTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(LegacyLayout.class)
    void reusingTheReadsAndTakingTheTurnsSideBySideChangesNothingItShows(LegacyLayout layout) throws Exception {
        String version = layout == LegacyLayout.HARD_WAY ? "1.32.11" : KubernetesVersion.DEFAULT.toString();
        try (SimulatedRun sim = SimulatedRun.legacy(dir, 4, 3, layout, version)) {
            ClusterRun.Request request = sim.upgradeRequest(sim.plan);
            // The reference: nothing reused, one node at a time everywhere (a run of one node at a time takes no turn side by side).
            Map<String, List<String>> reference = steps(request.withConcurrency(1), sim.ssh());

            RememberedAnswers answers = new RememberedAnswers();
            RemoteFactory nodes = answers.over(sim.ssh());
            readAsThePreviewDoes(sim, nodes);
            Map<String, List<String>> reusing = steps(request, nodes);

            assertEquals(reference, reusing);
            assertTrue(answers.reused() > sim.plan.nodes().size(), "the dry run asked again what the reads asked: " + answers.reused());
            String master = sim.plan.masters().get(1).hostName();
            assertTrue(reusing.get(master).stream().anyMatch(line -> line.contains("[upgrade/apiserver]")), reusing.get(master).toString());
        }
    }

    /** Every node's units and what a killed run left, read before the steps as {@code mast upgrade --dry-run} reads them. */
    private static void readAsThePreviewDoes(SimulatedRun sim, RemoteFactory nodes) throws Exception {
        NodeLog nowhere = (level, line) -> { };
        for (Node node : sim.plan.nodes()) {
            try (Remote remote = nodes.open(node, nowhere)) {
                LegacyNodeReader.read(remote, node.hostName());
                UnfinishedConversions.find(remote);
            }
        }
    }

    /** Each node's steps as the dry run describes them, the run's own time stamp (its backup folder, its lock) left out. */
    private static Map<String, List<String>> steps(ClusterRun.Request request, RemoteFactory nodes) {
        DryRunReport report = new DryRunReport();
        try (ClusterRun run = ClusterRun.dryRun(request, nodes)) {
            run.run(Set.of(), report);
            Map<String, List<String>> steps = new LinkedHashMap<>();
            report.describeAll(request.plan(), run.workflow()).forEach((node, lines) ->
                    steps.put(node, lines.stream().map(line -> line.replaceAll("\\d{8}-\\d{6}", "<run>")).toList()));
            assertEquals(Optional.of(true), report.summary().map(summary -> summary.failed().isEmpty()), steps.toString());
            return steps;
        }
    }
}
