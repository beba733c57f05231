package dev.mast.ui.wizard;

import dev.mast.ui.common.Controls;
import dev.mast.ui.common.MastStyles;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The wizard's frame: the list of steps on the left, the current page, and the navigation bar
 * with Back, Next and, while Next is disabled, the reason.
 */
public final class WizardView {
    private final WizardViewModel model;
    private final BorderPane root = new BorderPane();
    private final Map<WizardPage, Supplier<Parent>> pageBuilders;
    /** Pages are built the first time they are shown: the first window only pays for the Start page. */
    private final Map<WizardPage, Parent> pages = new EnumMap<>(WizardPage.class);
    private final Map<WizardPage, Label> stepLabels = new EnumMap<>(WizardPage.class);

    public WizardView(WizardViewModel model, Map<WizardPage, Supplier<Parent>> pageBuilders) {
        this.model = model;
        this.pageBuilders = new EnumMap<>(pageBuilders);
        root.setLeft(steps());
        root.setBottom(navigation());
        model.pageProperty().addListener((obs, old, now) -> show(now));
        show(model.pageProperty().get());
    }

    private VBox steps() {
        VBox box = new VBox(4);
        box.getStyleClass().add(MastStyles.STEPS);
        for (WizardPage page : WizardPage.values()) {
            Label label = new Label((page.ordinal() + 1) + "   " + page.title());
            label.setId("step-" + page.name().toLowerCase(java.util.Locale.ROOT));
            label.getStyleClass().add(MastStyles.STEP);
            label.setMaxWidth(Double.MAX_VALUE);
            label.setTooltip(Controls.tooltip(page.description()));
            label.setOnMouseClicked(e -> model.goBackTo(page));
            stepLabels.put(page, label);
            box.getChildren().add(label);
        }
        return box;
    }

    private HBox navigation() {
        Label reason = new Label();
        reason.setId("blocked-reason");
        reason.getStyleClass().add(MastStyles.BLOCKED_REASON);
        reason.textProperty().bind(model.blockedReasonProperty());
        reason.visibleProperty().bind(model.blockedReasonProperty().isNotEmpty());
        reason.setWrapText(true);
        reason.setMaxHeight(48);
        reason.setTooltip(Controls.tooltip(""));
        reason.getTooltip().textProperty().bind(model.blockedReasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        reason.setMaxWidth(Double.MAX_VALUE);

        Button back = Controls.button("_Back", "Go to the previous page; everything you entered is kept", model::back);
        back.setId("back");
        back.disableProperty().bind(model.canGoBackProperty().not());
        Button next = new Button();
        next.setId("next");
        next.setMnemonicParsing(true);
        next.textProperty().bind(model.nextLabelProperty());
        next.setOnAction(e -> model.next());
        next.disableProperty().bind(model.canGoNextProperty().not());
        next.visibleProperty().bind(model.nextVisibleProperty());
        next.managedProperty().bind(next.visibleProperty());
        next.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        back.setMinWidth(Region.USE_PREF_SIZE);
        next.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(12, reason, back, Controls.withReason(next, model.blockedReasonProperty(), "Go to the next page"));
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add(MastStyles.NAV_BAR);
        bar.setPadding(new Insets(10, 16, 10, 16));
        return bar;
    }

    private void show(WizardPage page) {
        root.setCenter(pages.computeIfAbsent(page, p -> pageBuilders.get(p).get()));
        stepLabels.forEach((p, label) -> {
            label.getStyleClass().removeAll(MastStyles.STEP_CURRENT, MastStyles.STEP_DONE, MastStyles.STEP_LATER);
            label.getStyleClass().add(p == page ? MastStyles.STEP_CURRENT : p.ordinal() < page.ordinal() ? MastStyles.STEP_DONE : MastStyles.STEP_LATER);
        });
    }

    public BorderPane root() {
        return root;
    }
}
