package dev.mast.ui.crash;

import dev.mast.ui.common.AppIcon;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

/** The crash dialog: the report's sentence, the stack trace to expand, and a button to the log folder. */
public final class CrashDialog {
    public static final ButtonType OPEN_LOG_FOLDER = new ButtonType("Open log folder", ButtonBar.ButtonData.LEFT);

    private CrashDialog() {
    }

    /** Builds the dialog without showing it, so a test can look at it. */
    public static Alert build(CrashReport report) {
        ButtonType close = new ButtonType(report.fatal() ? "Close Mast" : "Close", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.ERROR, report.message(), close);
        if (report.logFile().isPresent()) {
            alert.getButtonTypes().add(0, OPEN_LOG_FOLDER);
        }
        alert.setTitle(report.title());
        alert.setHeaderText(report.title());
        alert.setResizable(true);
        alert.getDialogPane().setId("crash-dialog");
        TextArea details = new TextArea(report.details());
        details.setEditable(false);
        details.setPrefRowCount(12);
        details.setPrefColumnCount(80);
        alert.getDialogPane().setExpandableContent(details);
        return alert;
    }

    /** Shows the dialog until closed; "Open log folder" hands the folder to {@code openFolder} and keeps it open. */
    public static void showAndWait(CrashReport report, Consumer<Path> openFolder) {
        Alert alert = build(report);
        if (alert.getDialogPane().getScene().getWindow() instanceof Stage stage) {
            stage.getIcons().addAll(AppIcon.images());
        }
        var openButton = alert.getDialogPane().lookupButton(OPEN_LOG_FOLDER);
        if (openButton != null) {
            // The button would close the dialog; open the folder instead and let the user read on.
            openButton.addEventFilter(ActionEvent.ACTION, e -> {
                e.consume();
                report.logFile().map(Path::getParent).ifPresent(openFolder);
            });
        }
        alert.showAndWait();
    }
}
