package dev.mast.ui;

import atlantafx.base.controls.Spacer;
import dev.mast.ui.common.Controls;
import dev.mast.ui.common.MastStyles;
import dev.mast.ui.common.Themes;
import dev.mast.ui.preview.PreviewView;
import dev.mast.ui.run.RunView;
import dev.mast.ui.wizard.ClusterView;
import dev.mast.ui.wizard.NodesView;
import dev.mast.ui.wizard.StartView;
import dev.mast.ui.wizard.WizardPage;
import dev.mast.ui.wizard.WizardView;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The main window's content: a header with the theme switch, and the wizard. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();

    public MainWindow(MainWindowModel model, Themes themes) {
        root.getStylesheets().add(Themes.stylesheet());
        root.setTop(header(themes));
        Map<WizardPage, Parent> pages = new EnumMap<>(WizardPage.class);
        pages.put(WizardPage.START, new StartView(model.start()).root());
        pages.put(WizardPage.CLUSTER, new ClusterView(model.cluster()).root());
        pages.put(WizardPage.NODES, new NodesView(model.nodes()).root());
        pages.put(WizardPage.PREVIEW, new PreviewView(model.preview()).root());
        pages.put(WizardPage.RUN, new RunView(model.run()).root());
        root.setCenter(new WizardView(model.wizard(), pages).root());
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
