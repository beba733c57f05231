package dev.mast.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/** Small builders the views share, so every button gets its tooltip the same way. */
public final class Controls {
    private Controls() {
    }

    /** List cells that wrap long text (warnings, problems) instead of scrolling sideways. */
    public static void wrappingCells(javafx.scene.control.ListView<String> list) {
        list.getStyleClass().add(MastStyles.WRAPPING);
        list.setCellFactory(view -> {
            javafx.scene.control.ListCell<String> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(view.widthProperty().subtract(24));
            return cell;
        });
    }

    /** A button with a mnemonic in its text ({@code _Add node}), a tooltip and an action. */
    public static Button button(String text, String tooltip, Runnable action) {
        Button button = new Button(text);
        // A button keeps its whole text: where room is short, the text beside it wraps instead ("Choose a kubeco…").
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setMnemonicParsing(true);
        button.setOnAction(e -> action.run());
        tip(button, tooltip);
        return button;
    }

    public static <T extends Control> T tip(T control, String text) {
        control.setTooltip(tooltip(text));
        return control;
    }

    public static Tooltip tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        tooltip.setShowDelay(Duration.millis(400));
        return tooltip;
    }

    /**
     * A disabled control does not show its tooltip, so a control that is off for a reason is
     * wrapped, and the wrapper carries the reason.
     */
    public static Node disabledWithReason(Control control, String reason) {
        control.setDisable(true);
        control.setTooltip(null);
        StackPane wrapper = new StackPane(control);
        wrapper.setId(control.getId() == null ? null : control.getId() + "-reason");
        Tooltip.install(wrapper, tooltip(reason));
        return wrapper;
    }

    /** Like {@link #disabledWithReason} when the reason changes: empty means enabled, with the normal tooltip. */
    public static Node withReason(Control control, ObservableStringValue reason, String normalTooltip) {
        StackPane wrapper = new StackPane(control);
        Tooltip wrapperTip = tooltip("");
        Runnable update = () -> {
            String why = reason.get();
            boolean blocked = why != null && !why.isEmpty();
            wrapperTip.setText(why == null ? "" : why);
            control.setTooltip(blocked ? null : tooltip(normalTooltip));
            if (blocked) {
                Tooltip.install(wrapper, wrapperTip);
            } else {
                Tooltip.uninstall(wrapper, wrapperTip);
            }
        };
        reason.addListener((obs, old, now) -> update.run());
        update.run();
        return wrapper;
    }
}
