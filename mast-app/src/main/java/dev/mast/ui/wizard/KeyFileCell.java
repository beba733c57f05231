package dev.mast.ui.wizard;

import dev.mast.ui.common.Controls;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The key file cell: the path, editable like the other cells, and a "…" button that picks the
 * file for this row only (the toolbar's button sets it for every selected row).
 */
final class KeyFileCell extends TextFieldTableCell<NodeRow, String> {
    static final String BUTTON_STYLE = "key-file-button";
    /** The room the "…" button takes beside the path. */
    static final double BUTTON_WIDTH = 30;

    private final NodesViewModel model;
    private final Label path = new Label();
    private final HBox box;

    KeyFileCell(NodesViewModel model) {
        super(new javafx.util.converter.DefaultStringConverter());
        this.model = model;
        Button choose = Controls.button("…", "Choose the SSH private key file of this node", this::choose);
        choose.getStyleClass().addAll(BUTTON_STYLE, atlantafx.base.theme.Styles.SMALL, atlantafx.base.theme.Styles.FLAT);
        choose.setFocusTraversable(false);
        // Narrow, so the path keeps the room.
        choose.setStyle("-fx-padding: 0 4 0 4;");
        path.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(path, Priority.ALWAYS);
        box = new HBox(0, path, choose);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    private void choose() {
        NodeRow row = getTableRow() == null ? null : getTableRow().getItem();
        if (row != null) {
            model.chooseKeyFile(List.of(row));
        }
    }

    @Override
    public void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        showPathAndButton();
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        showPathAndButton();
    }

    private void showPathAndButton() {
        if (isEmpty() || isEditing() || getTableRow() == null || getTableRow().getItem() == null) {
            return;
        }
        path.setText(getItem() == null ? "" : getItem());
        setText(null);
        setGraphic(box);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }
}
