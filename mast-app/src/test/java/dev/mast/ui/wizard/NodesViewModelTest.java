package dev.mast.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.PlanValidator;
import dev.mast.plan.Role;
import dev.mast.ui.ConnectionTester;
import dev.mast.ui.common.BackgroundExecutor;
import dev.mast.ui.fixtures.KnownHostsTester;
import dev.mast.ui.fixtures.ScriptedDialogs;
import dev.mast.ui.fixtures.UiFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodesViewModelTest {
    @TempDir
    Path home;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private PlanDraft draft;
    private KnownHostsTester tester;
    private NodesViewModel model;

    @BeforeEach
    void setUp() {
        draft = new PlanDraft(new PlanValidator(UiFixtures.homeWithKeys(home), Files::isReadable));
        tester = new KnownHostsTester(Set.of("ingress001"));
        model = nodes(tester);
    }

    private NodesViewModel nodes(ConnectionTester connections) {
        return new NodesViewModel(draft, dialogs, new ConnectionTests(connections, BackgroundExecutor.callingThread(), dialogs), home);
    }

    private NodeRow row(String name) {
        return draft.nodes().stream().filter(r -> r.hostNameProperty().get().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theFirstAddedNodeIsAMasterAndTheNextContinueItsNameAndAddress() {
        NodeRow first = model.addRow();
        first.ipProperty().set("10.0.0.11");
        NodeRow second = model.addRow();

        assertEquals(Set.of(Role.ETCD, Role.MASTER), first.roles());
        assertEquals("node002", second.hostNameProperty().get());
        assertEquals("10.0.0.12", second.ipProperty().get());
        assertEquals(Set.of(Role.WORKER), second.roles());
        assertEquals("~/.ssh/id_ed25519", second.keyFileProperty().get());
    }

    @Test
    void aDuplicateGetsTheNextFreeNameAndAddressesRightAfterTheOriginal() {
        draft.load(UiFixtures.threeMasters());
        NodeRow copy = model.duplicate(row("worker001"));

        assertEquals("worker003", copy.hostNameProperty().get());
        assertEquals("192.168.10.23", copy.ipProperty().get());
        assertEquals("10.0.0.23", copy.internalIpProperty().get());
        assertEquals(4, draft.nodes().indexOf(copy));
        assertEquals(row("worker001").ssh(), copy.ssh());
        assertFalse(draft.report().hasErrors(), draft.report().toString());
    }

    @Test
    void removingNodesTakesThemOutOfThePlan() {
        draft.load(UiFixtures.threeMasters());
        model.remove(List.of(row("worker001"), row("worker002")));

        assertEquals(List.of("master001", "master002", "master003", "ingress001"),
                draft.toPlan().nodes().stream().map(n -> n.hostName()).toList());
    }

    @Test
    void pastedRowsAreAddedAndBadLinesReportedWithTheirNumbers() {
        draft.load(UiFixtures.threeMasters());
        dialogs.answerText("worker003 192.168.10.23 worker\nworker004 192.168.10.300 worker\nworker005 192.168.10.25 workr\n");
        model.pasteRows();

        assertEquals(7, draft.nodes().size());
        assertEquals("admin", row("worker003").userProperty().get(), "SSH settings come from the last row");
        assertEquals("Added 1 node; 2 lines were not added. Fix them and paste again:", model.pasteMessageProperty().get());
        assertEquals(2, model.pasteProblems().size());
        assertTrue(model.pasteProblems().get(0).startsWith("Line 2: IP address \"192.168.10.300\""));
        assertTrue(model.pasteProblems().get(1).startsWith("Line 3: unknown role \"workr\""));
    }

    @Test
    void eachRowShowsItsOwnProblemsAndTheyBlockTheWizard() {
        draft.load(UiFixtures.threeMasters());
        row("worker002").ipProperty().set("192.168.10.256");

        assertEquals(NodeRow.RowState.ERROR, row("worker002").problemsProperty().get().state());
        assertEquals("worker002, IP address: \"192.168.10.256\" is not an IPv4 address", row("worker002").problemsProperty().get().text());
        assertEquals(NodeRow.RowState.OK, row("worker001").problemsProperty().get().state());
        assertFalse(model.validProperty().get());
        assertEquals(row("worker002").problemsProperty().get().text(), model.blockedReasonProperty().get());
        assertTrue(model.problems().contains(row("worker002").problemsProperty().get().text()));
    }

    @Test
    void aPortThatIsNotANumberIsQuotedAsTyped() {
        draft.load(UiFixtures.threeMasters());
        row("worker001").portProperty().set("twenty-two");

        assertEquals("worker001, SSH port: \"twenty-two\" is not a port number; use a number from 1 to 65535",
                row("worker001").problemsProperty().get().text());
    }

    @Test
    void warningsAreShownButDoNotBlock() {
        draft.load(UiFixtures.threeMasters());
        row("worker001").etcdProperty().set(true);

        assertTrue(model.validProperty().get());
        assertTrue(model.problems().get(0).startsWith("Nodes: 4 nodes have the etcd role"), model.problems().toString());
    }

    @Test
    void testingAllAsksOnceAboutUnknownHostKeysWithTheirFingerprintsAndTrustsThem() {
        draft.load(UiFixtures.threeMasters());
        model.testAll();

        var asked = dialogs.asked("confirm");
        assertEquals(1, asked.size());
        assertEquals("Trust 5 host keys", asked.get(0).action());
        assertTrue(asked.get(0).message().contains(KnownHostsTester.fingerprintOf(row("master002").toNode())));
        assertEquals(ConnectionStatus.State.PASSED, row("master001").connectionProperty().get().state());
        assertEquals("OK · agent ED25519 · Ubuntu 24.04.1 LTS", row("master001").connectionProperty().get().summary());
        assertTrue(tester.trusts(row("worker002").toNode()));
        assertEquals(ConnectionStatus.State.FAILED, row("ingress001").connectionProperty().get().state());
        assertEquals("Not reachable", row("ingress001").connectionProperty().get().summary());
        assertTrue(row("ingress001").connectionProperty().get().details().contains("timed out"));
    }

    @Test
    void aHostKeyTheUserDoesNotTrustStaysUntrusted() {
        draft.load(UiFixtures.threeMasters());
        dialogs.confirmNext(false);
        model.testConnection(List.of(row("master001")));

        assertEquals("Trust host key", dialogs.asked("confirm").get(0).action());
        assertEquals(ConnectionStatus.State.NEEDS_TRUST, row("master001").connectionProperty().get().state());
        assertFalse(tester.trusts(row("master001").toNode()));
    }

    @Test
    void changingTheAddressForgetsTheTestResult() {
        draft.load(UiFixtures.threeMasters());
        model.testConnection(List.of(row("master001")));
        row("master001").ipProperty().set("192.168.10.111");

        assertEquals(ConnectionStatus.NOT_TESTED, row("master001").connectionProperty().get());
    }

    @Test
    void aChosenKeyFileGoesToEverySelectedRowWrittenWithATilde() {
        draft.load(UiFixtures.threeMasters());
        dialogs.choosePath(home.resolve(".ssh/cluster_ed25519"));
        model.chooseKeyFile(List.of(row("worker001"), row("worker002")));

        assertEquals("~/.ssh/cluster_ed25519", row("worker001").keyFileProperty().get());
        assertEquals("~/.ssh/cluster_ed25519", row("worker002").keyFileProperty().get());
        assertEquals("~/.ssh/id_ed25519", row("master001").keyFileProperty().get());
    }
}
