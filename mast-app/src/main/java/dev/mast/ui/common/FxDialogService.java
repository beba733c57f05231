package dev.mast.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The app's dialogs: JavaFX alerts and file choosers owned by the main window. */
public final class FxDialogService implements DialogService {
    private static final int LONG_MESSAGE_LINES = 16;
    private static final ObservableBooleanValue ALWAYS = new ReadOnlyBooleanWrapper(true);

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Dialogs owned by whichever app window is showing (focused first): for services built before the window. */
    public static FxDialogService ownedByTheShowingWindow() {
        return new FxDialogService(() -> Window.getWindows().stream().filter(Window::isShowing)
                .sorted(java.util.Comparator.comparing((Window w) -> !w.isFocused())).findFirst().orElse(null));
    }

    @Override
    public boolean confirm(String title, String message, String action, String dismiss) {
        return confirmWhile(title, message, action, dismiss, ALWAYS);
    }

    @Override
    public boolean confirmWhile(String title, String message, String action, String dismiss, ObservableBooleanValue stillAsking) {
        if (!stillAsking.get()) {
            return false;
        }
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(dismiss, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, act, cancel);
        prepare(alert, title);
        if (message.lines().count() > LONG_MESSAGE_LINES) {
            // Host keys of fifty nodes: scroll through them rather than grow off the screen.
            TextArea text = new TextArea(message);
            text.setEditable(false);
            text.setWrapText(true);
            text.setPrefRowCount(LONG_MESSAGE_LINES);
            alert.getDialogPane().setContent(text);
        }
        ChangeListener<Boolean> moot = (obs, was, now) -> {
            if (!now) {
                alert.close();
            }
        };
        stillAsking.addListener(moot);
        try {
            return alert.showAndWait().filter(act::equals).isPresent() && stillAsking.get();
        } finally {
            stillAsking.removeListener(moot);
        }
    }

    @Override
    public void showError(String title, String message, String details) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
        prepare(alert, title);
        if (!details.isBlank()) {
            TextArea text = new TextArea(details);
            text.setEditable(false);
            text.setWrapText(true);
            text.setPrefRowCount(10);
            alert.getDialogPane().setExpandableContent(text);
        }
        alert.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.CLOSE);
        prepare(alert, title);
        alert.showAndWait();
    }

    @Override
    public Optional<String> askForText(String title, String message, String action) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Dialog<String> dialog = new Dialog<>();
        TextArea text = new TextArea();
        text.setPrefRowCount(12);
        text.setPrefColumnCount(60);
        text.getStyleClass().add(MastStyles.MONOSPACE);
        Label label = new Label(message);
        label.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, label, text));
        dialog.getDialogPane().getButtonTypes().addAll(act, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == act ? text.getText() : null);
        prepare(dialog, title);
        dialog.setOnShown(e -> text.requestFocus());
        return dialog.showAndWait();
    }

    @Override
    public Optional<char[]> askForSecret(String title, String message, String fieldLabel, String action) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Dialog<char[]> dialog = new Dialog<>();
        PasswordField field = new PasswordField();
        field.setId("secret-field");
        field.setPrefColumnCount(30);
        Label label = new Label(message);
        label.setWrapText(true);
        Label fieldName = new Label(fieldLabel + ":");
        fieldName.setLabelFor(field);
        HBox row = new HBox(8, fieldName, field);
        row.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        VBox content = new VBox(12, label, row);
        content.setPadding(new javafx.geometry.Insets(16, 16, 4, 16));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(act, ButtonType.CANCEL);
        // JavaFX keeps a PasswordField's text as a String; clearing it drops the field's reference at least.
        dialog.setResultConverter(button -> button == act ? field.getText().toCharArray() : null);
        dialog.setOnHidden(e -> field.clear());
        prepare(dialog, title);
        dialog.setOnShown(e -> field.requestFocus());
        return dialog.showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Optional<Path> initialFolder, String description, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(description, extensions),
                new FileChooser.ExtensionFilter("All files", "*"));
        initialFolder.filter(Files::isDirectory).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Optional<Path> initialFile) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        initialFile.map(Path::getParent).filter(Files::isDirectory).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
        initialFile.map(Path::getFileName).map(Path::toString).ifPresent(chooser::setInitialFileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title, Optional<Path> initialFolder) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        initialFolder.filter(Files::isDirectory).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    private void prepare(Dialog<?> dialog, String title) {
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.initOwner(owner.get());
        // Wide enough for a SHA256 fingerprint on one line.
        dialog.getDialogPane().setMinWidth(620);
        dialog.setResizable(true);
    }
}
