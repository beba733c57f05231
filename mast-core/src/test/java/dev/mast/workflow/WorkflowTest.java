package dev.mast.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --only and --skip pick phases by id or group, with what the picked phases need; bad names are refused. */
class WorkflowTest {
    private static final Step NOTHING = context -> { };

    private static Phase phase(String id, String... needs) {
        return new Phase(PhaseInfo.of(id, "Phase " + id, Targets.EVERY_NODE).needing(needs), NOTHING);
    }

    private final Workflow upgrade = new Workflow("upgrade", List.of(phase("pki/adopt-ca"), phase("upgrade/read-units"),
            phase("upgrade/back-up", "upgrade/read-units"), phase("kubelet/start", "pki/adopt-ca"),
            phase("upgrade/control-plane", "pki/adopt-ca", "upgrade/read-units", "upgrade/back-up"), phase("verify/mirror-pods")));

    @Test
    void withoutOnlyOrSkipEveryPhaseRuns() {
        assertEquals(upgrade.ids(), upgrade.select(List.of(), List.of()).ids());
    }

    @Test
    void onlyRunsThePickedPhasesWithWhatTheyNeedInWorkflowOrder() {
        assertEquals(List.of("pki/adopt-ca", "upgrade/read-units", "upgrade/back-up", "upgrade/control-plane"),
                upgrade.select(List.of("upgrade/control-plane"), List.of()).ids());
        assertEquals(List.of("verify/mirror-pods"), upgrade.select(List.of("verify/mirror-pods"), List.of()).ids());
    }

    @Test
    void aGroupPicksEveryPhaseUnderIt() {
        assertEquals(List.of("pki/adopt-ca", "upgrade/read-units", "upgrade/back-up", "upgrade/control-plane"),
                upgrade.select(List.of("upgrade"), List.of()).ids());
        assertEquals(List.of("pki/adopt-ca", "upgrade/read-units", "kubelet/start", "verify/mirror-pods"),
                upgrade.select(List.of(), List.of("upgrade/back-up", "upgrade/control-plane")).ids());
    }

    @Test
    void skipLeavesPhasesOutUnlessAPhaseThatRunsNeedsThem() {
        assertEquals(List.of("pki/adopt-ca", "upgrade/read-units", "upgrade/back-up", "kubelet/start", "upgrade/control-plane"),
                upgrade.select(List.of(), List.of("verify")).ids());
        var refused = assertThrows(IllegalArgumentException.class, () -> upgrade.select(List.of(), List.of("upgrade/read-units")));
        assertEquals("upgrade/back-up needs upgrade/read-units: skip both or neither", refused.getMessage());
    }

    @Test
    void aNameThatPicksNoPhaseIsRefusedWithTheWorkflowsPhases() {
        var refused = assertThrows(IllegalArgumentException.class, () -> upgrade.select(List.of("kubelet/stop"), List.of()));
        assertEquals("--only kubelet/stop: the upgrade has no such phase; its phases are pki/adopt-ca, upgrade/read-units, "
                + "upgrade/back-up, kubelet/start, upgrade/control-plane, verify/mirror-pods", refused.getMessage());
        // A group is a whole word before a slash, not any prefix.
        assertThrows(IllegalArgumentException.class, () -> upgrade.select(List.of(), List.of("upg")));
    }

    @Test
    void aWorkflowRefusesTwoPhasesOfOneIdAndANeedThatDoesNotComeFirst() {
        var twice = assertThrows(IllegalArgumentException.class, () -> new Workflow("w", List.of(phase("a"), phase("a"))));
        assertEquals("w has two phases named a", twice.getMessage());
        var later = assertThrows(IllegalArgumentException.class, () -> new Workflow("w", List.of(phase("a", "b"), phase("b"))));
        assertEquals("a needs b, which is not an earlier phase of w", later.getMessage());
    }

    @Test
    void aPhaseIdIsLowerCaseWordsJoinedBySlashes() {
        assertThrows(IllegalArgumentException.class, () -> PhaseInfo.of("Kubelet/Start", "x", Targets.EVERY_NODE));
        assertThrows(IllegalArgumentException.class, () -> PhaseInfo.of("kubelet/", "x", Targets.EVERY_NODE));
        assertTrue(PhaseInfo.of("control-plane/static-pods", "x", Targets.MASTERS).id().contains("/"));
    }
}
