package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemTest {
    private static final Location AT = new Location("cluster.yaml", 14, 9);

    @Test
    void printsLocationPathAndMessageLikeACompiler() {
        assertEquals("cluster.yaml:14:9: nodes[2].ip: \"10.0.0.300\" is not an IPv4 address",
                Problem.error("nodes[2].ip", "\"10.0.0.300\" is not an IPv4 address", Optional.of(AT)).toString());
    }

    @Test
    void leavesOutWhatItDoesNotKnow() {
        assertEquals("nodes[2].ip: bad", Problem.error("nodes[2].ip", "bad", Optional.empty()).toString());
        assertEquals("cluster.yaml:14:9: the file is empty", Problem.error("", "the file is empty", Optional.of(AT)).toString());
    }

    @Test
    void reportSelectsProblemsByPathAndSeverity() {
        var ipError = Problem.error("nodes[2].ip", "bad", Optional.empty());
        var portError = Problem.error("nodes[2].ssh.port", "bad", Optional.empty());
        var etcdWarning = Problem.warning("nodes", "even", Optional.empty());
        var report = new ValidationReport(List.of(ipError, portError, etcdWarning));
        assertEquals(List.of(ipError), report.problemsFor("nodes[2].ip"));
        assertEquals(List.of(ipError, portError), report.problemsUnder("nodes[2]"));
        assertEquals(List.of(), report.problemsUnder("nodes[20]"));
        assertEquals(List.of(etcdWarning), report.warnings());
        assertTrue(report.hasErrors());
        assertEquals("2 errors, 1 warning", report.summary());
    }

    @Test
    void onlyWarningsAreNoErrors() {
        var report = new ValidationReport(List.of(Problem.warning("nodes", "even", Optional.empty())));
        assertFalse(report.hasErrors());
        assertEquals("0 errors, 1 warning", report.summary());
    }

    @Test
    void aPlanFileExceptionListsEveryProblemInItsMessage() {
        var e = new PlanFileException("cluster.yaml", List.of(
                Problem.error("cluster.name", "a", Optional.of(AT)), Problem.error("nodes", "b", Optional.empty())));
        assertEquals("cluster.yaml cannot be read as a plan (2 problems):\ncluster.yaml:14:9: cluster.name: a\nnodes: b", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PlanFileException("cluster.yaml", List.of()));
    }
}
