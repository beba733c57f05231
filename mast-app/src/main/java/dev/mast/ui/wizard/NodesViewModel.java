package dev.mast.ui.wizard;

import dev.mast.plan.Problem;
import dev.mast.plan.SshSettings;
import dev.mast.plan.ValidationReport;
import dev.mast.ui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Nodes page: the table's rows (the draft's nodes), adding, removing, duplicating and pasting
 * them, and the validator's problems per row. The page is valid when the whole plan has no
 * errors, since this is the last page before files are rendered. Connection tests live in
 * {@link ConnectionTests}.
 */
public final class NodesViewModel implements WizardStep {
    private static final String PASTE_HELP = "One node per line: " + NodeLines.FORMAT + "\n"
            + "Roles are etcd, master, worker and ingress, separated by commas, e.g.\n"
            + "    node001 10.0.0.11 etcd,master\n"
            + "    node004 192.168.1.21 10.0.0.21 worker ubuntu 2222 ~/.ssh/cluster_ed25519\n"
            + "SSH settings left out are copied from the last row.";

    private final PlanDraft draft;
    private final DialogService dialogs;
    private final ConnectionTests tests;
    private final Path home;
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper pasteMessage = new ReadOnlyStringWrapper(this, "pasteMessage", "");
    private final ObservableList<String> pasteProblems = FXCollections.observableArrayList();
    private final BooleanBinding valid;
    private final StringBinding blockedReason;

    public NodesViewModel(PlanDraft draft, DialogService dialogs, ConnectionTests tests, Path home) {
        this.draft = draft;
        this.dialogs = dialogs;
        this.tests = tests;
        this.home = home;
        var report = draft.reportProperty();
        valid = Bindings.createBooleanBinding(() -> !report.getValue().hasErrors(), report);
        blockedReason = Bindings.createStringBinding(() -> firstError(report.getValue()), report);
        report.addListener((obs, old, now) -> showProblems(now));
        showProblems(report.getValue());
    }

    private void showProblems(ValidationReport report) {
        List<NodeRow> rows = draft.nodes();
        for (int i = 0; i < rows.size(); i++) {
            List<Problem> own = report.problemsUnder("nodes[" + i + "]");
            NodeRow.RowState state = own.stream().anyMatch(Problem::isError) ? NodeRow.RowState.ERROR
                    : own.isEmpty() ? NodeRow.RowState.OK : NodeRow.RowState.WARNING;
            rows.get(i).setProblems(new NodeRow.RowProblems(state, own.stream().map(this::describe).collect(Collectors.joining("\n"))));
        }
        // Cluster fields whose checks depend on the nodes (room in the pod CIDR) are listed too.
        problems.setAll(Stream.concat(report.problemsUnder("nodes").stream().map(this::describe),
                report.problemsUnder("cluster").stream().filter(Problem::isError).map(p -> describe(p) + " (Cluster page)")).toList());
    }

    private String firstError(ValidationReport report) {
        if (draft.nodes().isEmpty()) {
            return "Add the cluster's nodes: Add node, or Paste rows";
        }
        return report.errors().stream().findFirst().map(this::describe).orElse("");
    }

    /** Like the validator says it, with the row's name, and the text of a port that is not a number. */
    private String describe(Problem problem) {
        var rows = draft.nodes();
        for (int i = 0; i < rows.size(); i++) {
            if (problem.path().equals("nodes[" + i + "].ssh.port") && rows.get(i).portNumber().isEmpty()) {
                String text = rows.get(i).portProperty().get();
                return ProblemLabels.where(problem.path(), rows) + ": \"" + text + "\" is not a port number; use a number from 1 to 65535";
            }
        }
        return ProblemLabels.describe(problem, rows);
    }

    /** Adds a node after the last one: the next name and address, its SSH settings; the first gets etcd and master. */
    public NodeRow addRow() {
        var rows = draft.nodes();
        NodeRow row = new NodeRow();
        if (rows.isEmpty()) {
            row.hostNameProperty().set("node001");
            row.etcdProperty().set(true);
            row.masterProperty().set(true);
            row.setSsh(SshSettings.DEFAULT);
        } else {
            NodeRow last = rows.get(rows.size() - 1);
            row.hostNameProperty().set(Successors.name(last.hostNameProperty().get(), names()));
            row.ipProperty().set(Successors.address(last.ipProperty().get(), addresses()).orElse(""));
            row.workerProperty().set(true);
            row.setSsh(last.ssh());
        }
        rows.add(row);
        return row;
    }

    /** Adds a copy of the row right after it, with the next free name and addresses. */
    public NodeRow duplicate(NodeRow original) {
        var rows = draft.nodes();
        NodeRow copy = NodeRow.of(original.toNode());
        copy.hostNameProperty().set(Successors.name(original.hostNameProperty().get(), names()));
        copy.ipProperty().set(Successors.address(original.ipProperty().get(), addresses()).orElse(""));
        if (!original.internalIpProperty().get().isBlank()) {
            copy.internalIpProperty().set(Successors.address(original.internalIpProperty().get(), addresses()).orElse(""));
        }
        copy.portProperty().set(original.portProperty().get());
        rows.add(rows.indexOf(original) + 1, copy);
        return copy;
    }

    public void remove(List<NodeRow> selected) {
        draft.nodes().removeAll(List.copyOf(selected));
    }

    /** Asks for pasted text and adds a node per good line. */
    public void pasteRows() {
        dialogs.askForText("Paste nodes", PASTE_HELP, "Add nodes").ifPresent(this::pasteRows);
    }

    public NodeLines.Result pasteRows(String text) {
        var rows = draft.nodes();
        SshSettings defaults = rows.isEmpty() ? SshSettings.DEFAULT : rows.get(rows.size() - 1).ssh();
        NodeLines.Result result = NodeLines.parse(text, defaults);
        List<NodeRow> added = new ArrayList<>();
        result.nodes().forEach(node -> added.add(NodeRow.of(node)));
        rows.addAll(added);
        String count = added.size() == 1 ? "1 node" : added.size() + " nodes";
        int bad = result.badLines().size();
        pasteMessage.set(bad == 0 ? "Added " + count + "."
                : "Added " + count + "; " + bad + (bad == 1 ? " line was" : " lines were") + " not added. Fix "
                + (bad == 1 ? "it" : "them") + " and paste again:");
        pasteProblems.setAll(result.badLines().stream().map(NodeLines.BadLine::toString).toList());
        return result;
    }

    public void clearPasteReport() {
        pasteMessage.set("");
        pasteProblems.clear();
    }

    /** Asks for a key file and gives it to every selected row. */
    public void chooseKeyFile(List<NodeRow> selected) {
        if (selected.isEmpty()) {
            return;
        }
        dialogs.chooseFileToOpen("Choose the SSH private key", startFolder(selected.get(0)), "Private key files", List.of("*"))
                .map(this::abbreviate)
                .ifPresent(key -> List.copyOf(selected).forEach(row -> row.keyFileProperty().set(key)));
    }

    /** Where the row's key file is, when it is a folder that exists; else ~/.ssh. */
    private Optional<Path> startFolder(NodeRow row) {
        String key = row.keyFileProperty().get() == null ? "" : row.keyFileProperty().get().strip();
        Path file = key.equals("~") || key.startsWith("~/") ? home.resolve(key.substring(Math.min(2, key.length()))) : Path.of(key);
        Path folder = key.isEmpty() ? null : file.toAbsolutePath().getParent();
        return Optional.of(folder != null && java.nio.file.Files.isDirectory(folder) ? folder : home.resolve(".ssh"));
    }

    private String abbreviate(Path key) {
        Path absolute = key.toAbsolutePath().normalize();
        return absolute.startsWith(home) ? "~/" + home.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    public void testConnection(List<NodeRow> selected) {
        tests.test(List.copyOf(selected));
    }

    public void testAll() {
        tests.test(List.copyOf(draft.nodes()));
    }

    private java.util.Set<String> names() {
        return draft.nodes().stream().map(r -> r.hostNameProperty().get()).collect(Collectors.toSet());
    }

    private java.util.Set<String> addresses() {
        return draft.nodes().stream().map(NodeRow::toNode).flatMap(n -> Stream.of(n.ip(), n.internalIp())).collect(Collectors.toSet());
    }

    public ObservableList<NodeRow> rows() {
        return draft.nodes();
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyStringProperty pasteMessageProperty() {
        return pasteMessage.getReadOnlyProperty();
    }

    public ObservableList<String> pasteProblems() {
        return pasteProblems;
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return valid;
    }

    @Override
    public ObservableStringValue blockedReasonProperty() {
        return blockedReason;
    }
}
