package dev.mast.ui.pods;

import dev.mast.cluster.HumanDuration;
import dev.mast.cluster.PodDetails;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** What {@code kubectl describe pod} shows of the selected pod: conditions, containers, events. */
final class PodDetailsPane {
    private final PodDetailsModel model;
    private final Supplier<Instant> now;
    private final VBox content = new VBox(10);
    private final ScrollPane root = new ScrollPane(content);

    PodDetailsPane(PodDetailsModel model, Supplier<Instant> now) {
        this.model = model;
        this.now = now;
        content.getStyleClass().add(PodStyles.DETAILS);
        content.setPadding(new Insets(12));
        root.setFitToWidth(true);
        root.setId("pod-details");
        model.detailsProperty().addListener((obs, was, value) -> render());
        model.messageProperty().addListener((obs, was, value) -> render());
        model.rowProperty().addListener((obs, was, value) -> render());
        render();
    }

    ScrollPane root() {
        return root;
    }

    private void render() {
        content.getChildren().clear();
        var row = model.rowProperty().get();
        if (row != null) {
            Label title = new Label(row.name());
            title.getStyleClass().add(PodStyles.DETAILS_TITLE);
            title.setWrapText(true);
            content.getChildren().add(title);
        }
        PodDetails details = model.detailsProperty().get();
        if (details != null) {
            content.getChildren().add(subtitle(details));
        }
        String message = model.messageProperty().get();
        if (message != null && !message.isEmpty()) {
            Label note = new Label(message);
            note.setId("details-message");
            note.setWrapText(true);
            note.getStyleClass().add(PodStyles.MUTED);
            content.getChildren().add(note);
        }
        if (details != null) {
            content.getChildren().addAll(section("Conditions"), conditions(details.conditions()),
                    section("Containers"), containers(details.containers()), section("Events"), events(details.events()));
        }
    }

    private Label subtitle(PodDetails details) {
        var parts = new java.util.ArrayList<String>();
        parts.add(details.row().namespace());
        if (!details.row().node().isEmpty()) {
            parts.add("on " + details.row().node());
        }
        if (!details.podIp().isEmpty()) {
            parts.add(details.podIp());
        }
        if (!details.qosClass().isEmpty()) {
            parts.add(details.qosClass() + " QoS");
        }
        if (details.row().staticPod()) {
            parts.add("static pod");
        }
        Label label = new Label(String.join(" · ", parts));
        label.getStyleClass().add(PodStyles.DETAILS_SUBTITLE);
        label.setWrapText(true);
        return label;
    }

    private static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add(PodStyles.SECTION);
        return label;
    }

    private static Node conditions(List<PodDetails.Condition> conditions) {
        if (conditions.isEmpty()) {
            return muted("None reported.");
        }
        GridPane grid = grid();
        int row = 0;
        for (PodDetails.Condition c : conditions) {
            Label status = new Label(c.status());
            if (PodDetailsModel.isError(c)) {
                status.getStyleClass().add(PodStyles.ERROR_TEXT);
            }
            Label type = new Label(c.type());
            type.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(row++, type, status, wrapped(join(c.reason(), c.message())));
        }
        return grid;
    }

    private static Node containers(List<PodDetails.ContainerInfo> containers) {
        VBox box = new VBox(6);
        for (PodDetails.ContainerInfo c : containers) {
            Label name = new Label(c.name() + (c.init() ? " (init)" : ""));
            name.getStyleClass().add("container-name");
            String state = c.state() + (c.stateReason().isEmpty() ? "" : ": " + c.stateReason())
                    + (c.stateDetail().isEmpty() ? "" : " — " + c.stateDetail());
            Label stateLabel = wrapped(state);
            if (PodDetailsModel.isError(c)) {
                stateLabel.getStyleClass().add(PodStyles.ERROR_TEXT);
            }
            Label counts = muted((c.ready() ? "ready" : "not ready") + " · " + c.restarts()
                    + (c.restarts() == 1 ? " restart" : " restarts") + " · " + c.image());
            box.getChildren().addAll(name, stateLabel, counts);
            if (!c.lastTermination().isEmpty()) {
                box.getChildren().add(wrapped("Last termination: " + c.lastTermination()));
            }
        }
        return box;
    }

    private Node events(List<PodDetails.EventInfo> events) {
        if (events.isEmpty()) {
            return muted("No recent events.");
        }
        VBox box = new VBox(4);
        Instant at = now.get();
        for (PodDetails.EventInfo e : events) {
            String when = e.lastSeen() == null ? "" : HumanDuration.since(e.lastSeen(), at) + " ago";
            Label head = new Label(e.type() + " · " + e.reason() + (e.count() > 1 ? " (×" + e.count() + ")" : "")
                    + (when.isEmpty() ? "" : " · " + when) + (e.from().isEmpty() ? "" : " · " + e.from()));
            if (e.warning()) {
                head.getStyleClass().add(PodStyles.WARNING_EVENT);
            }
            box.getChildren().addAll(head, wrapped(e.message()));
        }
        return box;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        return grid;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static Label muted(String text) {
        Label label = wrapped(text);
        label.getStyleClass().add(PodStyles.MUTED);
        return label;
    }

    private static String join(String reason, String message) {
        if (reason.isEmpty()) {
            return message;
        }
        return message.isEmpty() ? reason : reason + ": " + message;
    }
}
