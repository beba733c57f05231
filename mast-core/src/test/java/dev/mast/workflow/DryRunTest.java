package dev.mast.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.files.NodeFile;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A dry run goes through the same phases as a run, with a remote that records every change instead of making it:
 * what the report lists is what the steps did, not a description written beside them.
 */
class DryRunTest {
    private final List<String> made = Collections.synchronizedList(new ArrayList<>());
    private final Plan plan = Plan.defaults("test").withNodes(List.of(
            new Node("node001", "10.0.0.1", "10.0.0.1", Set.of(Role.MASTER, Role.ETCD), SshSettings.DEFAULT),
            new Node("node002", "10.0.0.2", "10.0.0.2", Set.of(Role.WORKER), SshSettings.DEFAULT)));

    /** Installs a package unless the node says it has it, writes a key, waits for something. */
    private final Step install = new Step() {
        @Override
        public boolean isDone(NodeContext context) throws Exception {
            return context.remote().probe("test -x /usr/bin/kubelet") == 0;
        }

        @Override
        public void run(NodeContext context) throws Exception {
            if (context.remote().query("dpkg -s kubelet >/dev/null && echo installed").stdout().isEmpty()) {
                context.remote().run("apt-get install -y kubelet");
            }
            context.remote().write(NodeFile.secret("/etc/kubernetes/pki/ca.key", "THE PRIVATE KEY"));
            context.remote().perform("wait until kubelet answers", () -> made.add("waited on " + context.node().hostName()));
        }
    };

    private final Step check = context -> made.add("checked " + context.node().hostName());

    private Workflow workflow() {
        return new Workflow("install", List.of(
                new Phase(PhaseInfo.of("preflight/node", "Check the node", Targets.EVERY_NODE).onlyChecks(), check),
                new Phase(PhaseInfo.of("kubelet/start", "Start the kubelet", Targets.CLUSTER_NODES), install)));
    }

    private DryRunReport dryRun(Optional<RemoteFactory> asking) {
        return dryRun(workflow(), asking);
    }

    private DryRunReport dryRun(Workflow workflow, Optional<RemoteFactory> asking) {
        DryRunReport report = new DryRunReport();
        new WorkflowRunner(workflow, plan, RecordingRemote.factory(asking), report,
                new WorkflowRunner.Options(2, Clock.systemUTC())).run();
        return report;
    }

    @Test
    void withoutANodeToAskItShowsWhatARunDoesOnAFreshNodeAndDoesNothing() {
        DryRunReport report = dryRun(Optional.empty());

        var steps = report.steps("node002");
        assertEquals(List.of("preflight/node", "kubelet/start"), steps.stream().map(DryRunReport.PlannedStep::phase).toList());
        assertEquals(StepState.SKIPPED, steps.get(0).state());
        assertEquals(WorkflowRunner.NOT_ASKED, steps.get(0).message(), "a check is listed, not run: there is nothing to ask");
        assertEquals(StepState.DONE, steps.get(1).state());
        assertEquals(List.of("run apt-get install -y kubelet", "write /etc/kubernetes/pki/ca.key (600)", "wait until kubelet answers"),
                steps.get(1).changes());
        assertEquals(List.of(), made, "no check ran and nothing was waited for");
        assertTrue(report.summary().orElseThrow().succeeded());
    }

    @Test
    void aFileIsRecordedByPathAndModeNeverByContent() {
        DryRunReport report = dryRun(Optional.empty());
        assertTrue(report.steps("node001").stream().flatMap(s -> s.changes().stream()).noneMatch(c -> c.contains("PRIVATE")));
    }

    @Test
    void withNodesToAskItRunsTheChecksAndQueriesButRecordsTheChanges() {
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        RemoteFactory nodes = (node, log) -> new FakeNode(node.hostName(), asked, node.hostName().equals("node001"));
        DryRunReport report = dryRun(Optional.of(nodes));

        assertEquals(Set.of("checked node001", "checked node002"), Set.copyOf(made), "the checks ran; nothing was waited for");
        assertEquals(StepState.SKIPPED, report.steps("node001").get(1).state(), "node001 has the kubelet already");
        assertEquals("already done", report.steps("node001").get(1).message());
        var node002 = report.steps("node002").get(1);
        assertEquals(List.of("run apt-get install -y kubelet", "write /etc/kubernetes/pki/ca.key (600)", "wait until kubelet answers"),
                node002.changes());
        assertTrue(asked.contains("node002: dpkg -s kubelet >/dev/null && echo installed"), asked.toString());
        assertFalse(asked.stream().anyMatch(a -> a.contains("apt-get install")), "a change never reaches the node: " + asked);
    }

    @Test
    void aStepThatIsNotForANodeSaysWhyRatherThanAlreadyDone() {
        // As the upgrade's steps for a master without a kubelet, on a node that runs one: its work is not "done" there.
        Step forNodesWithoutKubelet = new Step() {
            @Override
            public Optional<String> notForThisNode(NodeContext context) {
                return context.node().hostName().equals("node001") ? Optional.of("not for this node: it runs a kubelet already")
                        : Optional.empty();
            }

            @Override
            public boolean isDone(NodeContext context) {
                return context.node().hostName().equals("node001");
            }

            @Override
            public void run(NodeContext context) throws Exception {
                context.remote().run("apt-get install -y kubelet");
            }
        };
        Workflow workflow = new Workflow("upgrade", List.of(
                new Phase(PhaseInfo.of("kubelet/start", "Start the kubelet", Targets.CLUSTER_NODES), forNodesWithoutKubelet)));
        DryRunReport report = dryRun(workflow, Optional.empty());

        var node001 = report.steps("node001").get(0);
        assertEquals(StepState.SKIPPED, node001.state());
        assertEquals("not for this node: it runs a kubelet already", node001.message());
        assertEquals(List.of("1. Start the kubelet [kubelet/start] on every node that joins the cluster: not for this node: it runs a kubelet already"),
                report.describe("node001", workflow));
        assertEquals(List.of("run apt-get install -y kubelet"), report.steps("node002").get(0).changes());
    }

    @Test
    void anUpgradeStepOnANodeWhoseUnitsWereNotReadSaysSoInASentence() {
        Step needsTheReading = dev.mast.workflow.phases.OnlyWhereKubelet.present(context -> context.remote().run("true"));
        Workflow workflow = new Workflow("upgrade", List.of(
                new Phase(PhaseInfo.of("upgrade/pull-images", "Pull the images", Targets.CLUSTER_NODES), needsTheReading)));
        DryRunReport report = dryRun(workflow, Optional.empty());

        var step = report.steps("node001").get(0);
        assertEquals(StepState.FAILED, step.state());
        assertEquals("what node001 runs was not read: the step that reads its units (upgrade/read-units) did not finish there",
                step.message());
    }

    @Test
    void aNodeThatCannotBeReachedIsShownAsAFreshOneAndSaysWhy() {
        RemoteFactory unreachable = (node, log) -> {
            throw new java.io.IOException("connect to " + node.ip() + ":22 timed out");
        };
        DryRunReport report = dryRun(Optional.of(unreachable));

        var check = report.steps("node002").get(0);
        assertEquals(List.of("not asked, shown as a node with nothing on it yet: connect to 10.0.0.2:22 timed out"), check.notes());
        assertEquals(WorkflowRunner.NOT_ASKED, check.message());
        assertEquals(List.of("run apt-get install -y kubelet", "write /etc/kubernetes/pki/ca.key (600)", "wait until kubelet answers"),
                report.steps("node002").get(1).changes());
        assertTrue(report.summary().orElseThrow().succeeded());
    }

    /** A node that answers queries (has the kubelet or not) and fails the test if anything tries to change it. */
    private record FakeNode(String name, List<String> asked, boolean hasKubelet) implements Remote {
        @Override
        public Output query(String script) {
            asked.add(name + ": " + script);
            return hasKubelet ? new Output(0, List.of("installed"), List.of()) : Output.NOTHING;
        }

        @Override
        public Output exec(String script) {
            asked.add(name + ": " + script);
            throw new AssertionError("a dry run changed " + name + ": " + script);
        }

        @Override
        public void write(NodeFile file) {
            throw new AssertionError("a dry run wrote " + file.path() + " on " + name);
        }

        @Override
        public Optional<byte[]> read(String path) {
            return Optional.empty();
        }

        @Override
        public String target() {
            return "root@" + name + ":22";
        }

        @Override
        public void close() {
        }
    }
}
