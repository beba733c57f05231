package dev.mast.ui.preview;

import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.files.NodeFile;
import dev.mast.workflow.run.NodeInspection;
import dev.mast.ui.UpgradeInspector;
import dev.mast.ui.common.BackgroundExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * On an upgrade, the selected file next to what the node has in its place now (often the
 * systemd unit the manifest replaces), and the flags carried over from the old units. Each
 * node is inspected once per rendered plan, in the background.
 */
public final class ComparisonModel {
    private final UpgradeInspector inspector;
    private final BackgroundExecutor background;
    private final Map<String, NodeInspection> inspections = new HashMap<>();
    private final ObservableList<DiffRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> carriedFlags = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper leftTitle = new ReadOnlyStringWrapper(this, "leftTitle", "");
    private Object wanted;

    public ComparisonModel(UpgradeInspector inspector, BackgroundExecutor background) {
        this.inspector = inspector;
        this.background = background;
    }

    /** Forgets what the nodes had: the plan was rendered again. */
    public void reset() {
        inspections.clear();
        clear("");
    }

    public void clear(String why) {
        wanted = null;
        rows.clear();
        carriedFlags.clear();
        leftTitle.set("");
        status.set(why);
    }

    public void show(Plan plan, Node node, NodeFile file) {
        if (file.secret()) {
            clear("Private key, not shown.");
            return;
        }
        Object request = new Object();
        wanted = request;
        NodeInspection known = inspections.get(node.hostName());
        if (known != null) {
            compare(known, file);
            return;
        }
        rows.clear();
        carriedFlags.clear();
        status.set("Reading what " + node.hostName() + " has now…");
        background.submit(() -> inspector.inspect(plan, node), inspection -> {
            inspections.put(node.hostName(), inspection);
            if (wanted == request) {
                compare(inspection, file);
            }
        }, error -> {
            if (wanted == request) {
                clear("Could not read " + node.hostName() + ": " + error.getMessage());
            }
        });
    }

    private void compare(NodeInspection inspection, NodeFile file) {
        List<String> newLines = lines(file.text());
        Optional<NodeInspection.CurrentFile> current = inspection.currentFor(file.path());
        List<String> oldLines = current.map(c -> lines(c.text())).orElse(List.of());
        rows.setAll(LineDiff.sideBySide(oldLines, newLines));
        leftTitle.set(current.map(c -> c.path() + " now").orElse("Nothing there now"));
        status.set(current.isEmpty() ? inspection.node() + " has nothing at " + file.path() + " yet: the file is new."
                : current.get().path().equals(file.path()) ? "Compared with " + file.path() + " on " + inspection.node() + "."
                : "Replaces " + current.get().path() + " on " + inspection.node() + ".");
        List<String> flags = new ArrayList<>();
        for (Map.Entry<Component, Map<String, String>> component : inspection.carriedFlags().entrySet()) {
            component.getValue().forEach((flag, value) -> flags.add(component.getKey().key() + ": --" + flag + "=" + value));
        }
        carriedFlags.setAll(flags);
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\\R", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    public ObservableList<DiffRow> rows() {
        return rows;
    }

    /** {@code kube-apiserver: --audit-log-maxage=30}, for every flag the new manifests keep. */
    public ObservableList<String> carriedFlags() {
        return carriedFlags;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The old side's heading: the path on the node and "now". */
    public ReadOnlyStringProperty leftTitleProperty() {
        return leftTitle.getReadOnlyProperty();
    }
}
