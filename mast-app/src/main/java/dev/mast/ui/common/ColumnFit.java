package dev.mast.ui.common;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * Columns as wide as what they show, header and cells, as kubectl's and k9s's tables: nothing is
 * cut with "…"; a table wider than its window scrolls sideways. The widths follow the rows, at
 * most a few times a second, measuring the first {@value #ROWS_MEASURED} rows (as JavaFX's own
 * fit of a column does with 30). A value that changes in place only widens its column, so a
 * running step does not make the columns jump; rows removed or replaced fit them anew.
 */
public final class ColumnFit<S> {
    static final int ROWS_MEASURED = 200;
    static final int REMEMBERED_WIDTHS = 4 * ROWS_MEASURED;
    /** A cell's padding and borders, and room for the header's sort arrow. */
    private static final double CELL_PADDING = 22;
    private static final double HEADER_PADDING = 28;

    private final TableView<S> table;
    private final Map<TableColumn<S, ?>, Function<S, String>> texts = new LinkedHashMap<>();
    private final Map<TableColumn<S, ?>, Double> extras = new HashMap<>();
    /** The last cell of each column seen drawn: its font and padding (a column scrolled out of view has none now). */
    private final Map<TableColumn<S, ?>, TableCell<?, ?>> drawnBy = new HashMap<>();
    private final PauseTransition pending = new PauseTransition(Duration.millis(250));
    /** Widths already measured: a fit measures hundreds of values, most of them the same as last time (node names, steps). */
    private final Map<Font, Map<String, Double>> widths = new HashMap<>();
    private final ChangeListener<Object> valueChanged = (obs, was, now) -> fitSoon();
    private Function<S, List<? extends ObservableValue<?>>> watched = row -> List.of();
    private boolean scheduled;
    private boolean shrink = true;

    private ColumnFit(TableView<S> table) {
        this.table = table;
        pending.setOnFinished(e -> {
            scheduled = false;
            fit(shrink);
            shrink = false;
        });
    }

    /** Fits the columns given {@link #column column} to their content from now on; the table scrolls sideways. */
    public static <S> ColumnFit<S> install(TableView<S> table) {
        ColumnFit<S> fit = new ColumnFit<>(table);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ListChangeListener<S> rowsChanged = change -> {
            while (change.next()) {
                fit.shrink |= change.wasRemoved();
                change.getRemoved().forEach(fit::unwatch);
                change.getAddedSubList().forEach(fit::watch);
            }
            fit.fitSoon();
        };
        table.getItems().addListener(rowsChanged);
        table.itemsProperty().addListener((obs, was, now) -> {
            was.removeListener(rowsChanged);
            was.forEach(fit::unwatch);
            now.addListener(rowsChanged);
            now.forEach(fit::watch);
            fit.shrink = true;
            fit.fitSoon();
        });
        // The cells' font is known once the table's CSS is applied.
        table.skinProperty().addListener((obs, was, now) -> fit.fitSoon());
        return fit;
    }

    /** A column whose cells show {@code text} of their row. */
    public ColumnFit<S> column(TableColumn<S, ?> column, Function<S, String> text) {
        return column(column, text, 0);
    }

    /** A column whose cells show {@code text} of their row beside something {@code extra} pixels wide (a button). */
    public ColumnFit<S> column(TableColumn<S, ?> column, Function<S, String> text, double extra) {
        texts.put(column, text);
        extras.put(column, extra);
        fitSoon();
        return this;
    }

    /** Fits again when one of these values of a row changes in place (a status, a message), for rows there now and to come. */
    public ColumnFit<S> watching(Function<S, List<? extends ObservableValue<?>>> values) {
        table.getItems().forEach(this::unwatch);
        watched = values;
        table.getItems().forEach(this::watch);
        return this;
    }

    private void watch(S row) {
        watched.apply(row).forEach(value -> value.addListener(valueChanged));
    }

    private void unwatch(S row) {
        watched.apply(row).forEach(value -> value.removeListener(valueChanged));
    }

    /** Fits again soon: once for a burst of changes, not once per change. */
    public void fitSoon() {
        if (!scheduled) {
            scheduled = true;
            pending.playFromStart();
        }
    }

    /** Fits now; {@code shrink}: narrower values narrow their column too. */
    void fit(boolean shrink) {
        List<S> rows = table.getItems().subList(0, Math.min(ROWS_MEASURED, table.getItems().size()));
        boolean guessed = false;
        for (Map.Entry<TableColumn<S, ?>, Function<S, String>> entry : texts.entrySet()) {
            TableColumn<S, ?> column = entry.getKey();
            // Measured as a cell of the column draws it: its font (a status may be bold) and its padding.
            Optional<TableCell<?, ?>> cell = cellOf(column);
            cell.ifPresent(c -> drawnBy.put(column, c));
            cell = Optional.ofNullable(drawnBy.get(column));
            guessed |= cell.isEmpty() && !rows.isEmpty() && column.isVisible();
            Font font = cell.map(TableCell::getFont).orElse(Font.getDefault());
            double padding = cell.map(c -> c.snappedLeftInset() + c.snappedRightInset() + 6).orElse(CELL_PADDING);
            double width = headerWidth(column, font);
            for (S row : rows) {
                String value = entry.getValue().apply(row);
                if (value != null && !value.isEmpty()) {
                    width = Math.max(width, measured(value, font) + padding + extras.get(column));
                }
            }
            column.setPrefWidth(shrink ? Math.ceil(width) : Math.max(Math.ceil(width), column.getPrefWidth()));
        }
        if (guessed) {
            fitAfterNextLayout(shrink);
        }
    }

    /** The table had no cells yet (not shown): measures again once it has been laid out with them. */
    private void fitAfterNextLayout(boolean shrinkThen) {
        ChangeListener<Boolean> laidOut = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean needsLayout) {
                if (!needsLayout) {
                    table.needsLayoutProperty().removeListener(this);
                    shrink |= shrinkThen;
                    fitSoon();
                }
            }
        };
        table.needsLayoutProperty().addListener(laidOut);
    }

    private Optional<TableCell<?, ?>> cellOf(TableColumn<S, ?> column) {
        return table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() == column && !c.isEmpty())
                .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n).findFirst();
    }

    private double headerWidth(TableColumn<S, ?> column, Font font) {
        Node graphic = column.getGraphic();
        if (graphic instanceof Labeled label && label.getText() != null) {
            return textWidth(label.getText(), label.getFont()) + HEADER_PADDING;
        }
        return column.getText() == null ? 0 : textWidth(column.getText(), font) + HEADER_PADDING;
    }

    /** The value's width in the font, remembered; the memory is dropped once it holds more than a few fits' worth. */
    private double measured(String value, Font font) {
        Map<String, Double> known = widths.computeIfAbsent(font, f -> new HashMap<>());
        Double width = known.get(value);
        if (width == null) {
            if (known.size() >= REMEMBERED_WIDTHS) {
                known.clear();
            }
            width = textWidth(value, font);
            known.put(value, width);
        }
        return width;
    }

    static double textWidth(String value, Font font) {
        Text text = new Text(value);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }
}
