package dev.mast.ui.logs;

import java.util.ArrayList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The log viewer: options like {@code kubectl logs}, the source of the lines, search with next
 * and previous, and a virtualised list of the lines that follows new ones only while the user is
 * at the bottom. Keys: Ctrl+F search, F3 / Shift+F3 next / previous match, End jump to the end,
 * Ctrl+C copy the selected lines, Ctrl+S save.
 */
public final class LogView {
    private final LogViewModel model;
    static final double LINE_HEIGHT = 19;
    private final BorderPane root = new BorderPane();
    private final ListView<String> list;
    private final TextField searchField = new TextField();
    private final ScrollLock scrollLock;

    public LogView(LogViewModel model) {
        this.model = model;
        root.setId("log-view");
        root.getStyleClass().add("log-view");
        root.getStylesheets().add(LogView.class.getResource("/dev/mast/ui/logs/logs.css").toExternalForm());
        list = new ListView<>(model.lines());
        list.setId("log-lines");
        list.getStyleClass().add("log-lines");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(view -> new LogCell(model));
        list.setPlaceholder(new Label("No lines yet."));
        root.setTop(new VBox(header(), options(), searchBar()));
        root.setCenter(list);
        root.setBottom(footer());
        scrollLock = new ScrollLock(list, () -> model.options().followProperty().get());
        redrawOn();
        shortcuts();
    }

    public Parent root() {
        return root;
    }

    public LogViewModel model() {
        return model;
    }

    private Node header() {
        Label title = new Label(model.target().namespace() + "/" + model.target().pod());
        title.getStyleClass().add("log-title");
        Label source = new Label();
        source.setId("log-source");
        source.getStyleClass().add("log-source");
        source.textProperty().bind(model.sourceProperty());
        source.visibleProperty().bind(model.sourceProperty().isNotEmpty());
        source.setTooltip(new Tooltip("Where these lines come from"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label status = new Label();
        status.setId("log-status");
        status.getStyleClass().add("log-status");
        status.textProperty().bind(model.statusProperty());
        HBox box = new HBox(10, title, source, spacer, status);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 12, 4, 12));
        return box;
    }

    private Node options() {
        ComboBox<String> container = new ComboBox<>(model.containers());
        container.setId("log-container");
        container.valueProperty().bindBidirectional(model.options().containerProperty());
        container.setTooltip(new Tooltip("The container whose log is shown"));
        ToggleButton follow = new ToggleButton("Follow");
        follow.setId("log-follow");
        follow.selectedProperty().bindBidirectional(model.options().followProperty());
        follow.setTooltip(new Tooltip("Keep reading new lines as they are written"));
        ComboBox<Integer> tail = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(LogChoices.TAILS));
        tail.setId("log-tail");
        tail.setConverter(LogChoices.tailWords());
        tail.valueProperty().bindBidirectional(model.options().tailProperty());
        tail.setTooltip(new Tooltip("How many of the last lines to read first"));
        var since = new ComboBox<java.time.Duration>(javafx.collections.FXCollections.observableArrayList(LogChoices.SINCE));
        since.setId("log-since");
        since.setConverter(LogChoices.sinceWords());
        since.valueProperty().bindBidirectional(model.options().sinceProperty());
        since.setTooltip(new Tooltip("Only lines written since then"));
        CheckBox timestamps = check("Timestamps", "log-timestamps", "Put the time each line was written in front of it");
        timestamps.selectedProperty().bindBidirectional(model.options().timestampsProperty());
        CheckBox previous = check("Previous container", "log-previous", "The log of the container before its last restart");
        previous.selectedProperty().bindBidirectional(model.options().previousProperty());
        CheckBox wrap = check("Wrap", "log-wrap", "Wrap long lines instead of scrolling sideways");
        wrap.selectedProperty().bindBidirectional(model.options().wrapProperty());
        CheckBox fromNode = check("Read from the node's runtime", "log-from-node",
                "Read the log with crictl or docker on the node over SSH, without the API server");
        fromNode.selectedProperty().bindBidirectional(model.options().readFromNodeProperty());
        fromNode.visibleProperty().bind(model.nodeReadableProperty());
        fromNode.managedProperty().bind(fromNode.visibleProperty());
        FlowPane box = new FlowPane(10, 6, new Label("Container"), container, follow, tail, since, timestamps, previous,
                wrap, fromNode);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 12, 4, 12));
        return box;
    }

    private static CheckBox check(String text, String id, String tip) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setTooltip(new Tooltip(tip));
        return box;
    }

    private Node searchBar() {
        LogSearchModel search = model.search();
        searchField.setId("log-search");
        searchField.setPromptText("Search (Ctrl+F)");
        searchField.setPrefWidth(280);
        searchField.textProperty().bindBidirectional(search.textProperty());
        searchField.setOnAction(e -> next());
        CheckBox regex = check("Regular expression", "log-regex", "Search with a Java regular expression");
        regex.selectedProperty().bindBidirectional(search.regexProperty());
        CheckBox matchCase = check("Match case", "log-match-case", "Tell upper and lower case apart");
        matchCase.selectedProperty().bindBidirectional(search.caseSensitiveProperty());
        Button previous = button("Previous", "log-previous-match", "Previous match (Shift+F3)", this::previous);
        Button next = button("Next", "log-next-match", "Next match (F3)", this::next);
        Label position = new Label();
        position.setId("log-match-position");
        position.textProperty().bind(search.positionProperty());
        Label searchError = new Label();
        searchError.getStyleClass().add("log-problem");
        searchError.textProperty().bind(search.errorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button end = button("Jump to end", "log-jump-end", "Show the newest lines and follow them again (End)", this::jumpToEnd);
        Button copy = button("Copy", "log-copy", "Copy the selected lines (Ctrl+C)", this::copySelection);
        Button save = button("Save…", "log-save", "Save the lines shown to a file (Ctrl+S)", this::save);
        HBox box = new HBox(8, searchField, regex, matchCase, previous, next, position, searchError, spacer, end, copy, save);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 12, 8, 12));
        return box;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }

    private Node footer() {
        Label problem = new Label();
        problem.setId("log-problem");
        problem.getStyleClass().add("log-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.setWrapText(true);
        Label notice = new Label();
        notice.setId("log-notice");
        notice.getStyleClass().add("log-notice");
        notice.textProperty().bind(model.noticeProperty());
        for (Label label : new Label[] {problem, notice}) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
        }
        VBox box = new VBox(2, problem, notice);
        box.setPadding(new Insets(2, 12, 2, 12));
        return box;
    }

    /** True while new lines scroll into view (the user is at the bottom). */
    public boolean following() {
        return scrollLock.atBottom();
    }

    private void redrawOn() {
        model.search().matcherProperty().addListener((obs, was, value) -> list.refresh());
        model.search().currentProperty().addListener((obs, was, value) -> list.refresh());
        model.search().movesProperty().addListener((obs, was, value) -> {
            int line = model.search().currentProperty().get();
            if (line >= 0) {
                scrollLock.release();
                list.scrollTo(Math.max(0, line - 3));
                list.getSelectionModel().clearAndSelect(line);
            }
        });
        // One line per row has one height: the list then never measures a row to scroll (a million rows stay fast).
        list.setFixedCellSize(model.options().wrapProperty().get() ? -1 : LINE_HEIGHT);
        model.options().wrapProperty().addListener((obs, was, wrap) -> {
            list.setFixedCellSize(wrap ? -1 : LINE_HEIGHT);
            list.refresh();
        });
        list.widthProperty().addListener((obs, was, width) -> {
            if (model.options().wrapProperty().get()) {
                list.refresh();
            }
        });
    }

    void next() {
        model.search().next(list.getSelectionModel().getSelectedIndex());
    }

    void previous() {
        model.search().previous(list.getSelectionModel().getSelectedIndex());
    }

    void jumpToEnd() {
        scrollLock.jumpToEnd();
    }

    void copySelection() {
        var indexes = new ArrayList<>(list.getSelectionModel().getSelectedIndices());
        if (indexes.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(model.copy(indexes));
        Clipboard.getSystemClipboard().setContent(content);
    }

    void save() {
        model.saveAs();
    }

    private void shortcuts() {
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(event)) {
                searchField.requestFocus();
                searchField.selectAll();
            } else if (new KeyCodeCombination(KeyCode.F3, KeyCombination.SHIFT_DOWN).match(event)) {
                previous();
            } else if (event.getCode() == KeyCode.F3) {
                next();
            } else if (event.getCode() == KeyCode.END && !searchField.isFocused()) {
                jumpToEnd();
            } else if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(event) && list.isFocused()) {
                copySelection();
            } else if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(event)) {
                save();
            } else {
                return;
            }
            event.consume();
        });
    }
}
