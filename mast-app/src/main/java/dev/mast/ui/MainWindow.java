package dev.mast.ui;

import atlantafx.base.controls.Spacer;
import dev.mast.ui.common.Controls;
import dev.mast.ui.common.MastStyles;
import dev.mast.ui.common.Themes;
import dev.mast.ui.pods.OperateScreens;
import dev.mast.ui.pods.OperateSession;
import dev.mast.ui.pods.PodsView;
import dev.mast.ui.preview.PreviewView;
import dev.mast.ui.run.RunView;
import dev.mast.ui.wizard.ClusterView;
import dev.mast.ui.wizard.NodesView;
import dev.mast.ui.wizard.StartView;
import dev.mast.ui.wizard.WizardPage;
import dev.mast.ui.wizard.WizardView;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The main window's content: a header with the theme switch, and either the wizard or the
 * operate screens (the pod list, whose log viewers open in windows of their own). The wizard is
 * built once and only hidden meanwhile, so going back finds it as it was.
 */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final MainWindowModel model;
    private final Parent wizard;
    private OperateScreens screens;

    public MainWindow(MainWindowModel model, Themes themes) {
        this.model = model;
        root.getStylesheets().add(Themes.stylesheet());
        root.setTop(header(themes));
        Map<WizardPage, Supplier<Parent>> pages = new EnumMap<>(WizardPage.class);
        pages.put(WizardPage.START, () -> new StartView(model.start(), model.operate()).root());
        pages.put(WizardPage.CLUSTER, () -> new ClusterView(model.cluster()).root());
        pages.put(WizardPage.NODES, () -> new NodesView(model.nodes()).root());
        pages.put(WizardPage.PREVIEW, () -> new PreviewView(model.preview()).root());
        pages.put(WizardPage.RUN, () -> new RunView(model.run()).root());
        wizard = new WizardView(model.wizard(), pages).root();
        root.setCenter(wizard);
        model.operate().sessionProperty().addListener((obs, was, now) -> show(now));
    }

    /** Shows the session's pod list, watching while it is shown, or the wizard when there is none. */
    private void show(Optional<OperateSession> session) {
        if (screens != null) {
            screens.closeWindows();
            screens = null;
        }
        if (session.isEmpty()) {
            root.setCenter(wizard);
            return;
        }
        screens = new OperateScreens(session.get());
        PodsView pods = screens.podsView();
        VBox.setVgrow(pods.root(), Priority.ALWAYS);
        root.setCenter(new VBox(operateBar(), pods.root()));
        pods.model().activate();
    }

    private HBox operateBar() {
        Button back = Controls.button("_Back to the wizard", "Close the pod list and its log windows; the wizard is as you left it",
                model.operate()::back);
        back.setId("back-to-wizard");
        Label title = new Label();
        title.setId("operate-title");
        title.getStyleClass().add(MastStyles.SECTION_TITLE);
        title.textProperty().bind(model.operate().titleProperty());
        Label note = new Label();
        note.setId("operate-nodes-note");
        note.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        note.textProperty().bind(model.operate().nodesNoteProperty());
        HBox bar = new HBox(12, back, title, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(MastStyles.OPERATE_BAR);
        return bar;
    }

    private HBox header(Themes themes) {
        Label title = new Label("Mast");
        title.setId("app-title");
        title.getStyleClass().add(MastStyles.APP_TITLE);
        Label subtitle = new Label("Kubernetes control planes as static pods");
        subtitle.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        ToggleButton dark = Controls.tip(new ToggleButton("Dark t_heme"), "Switch between the light and the dark theme; Mast remembers your choice");
        dark.setId("theme-toggle");
        dark.setMnemonicParsing(true);
        // A listener, not a bidirectional binding: those hold their ends weakly, and nothing else holds the Themes.
        dark.setSelected(themes.darkProperty().get());
        dark.selectedProperty().addListener((obs, was, now) -> themes.darkProperty().set(now));
        HBox header = new HBox(12, title, subtitle, new Spacer(), dark);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(MastStyles.APP_HEADER);
        return header;
    }

    public BorderPane root() {
        return root;
    }
}
