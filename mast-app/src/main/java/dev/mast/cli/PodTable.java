package dev.mast.cli;

import dev.mast.cluster.PodRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Pod rows as {@code kubectl get pods -o wide} prints them: left-aligned columns, three spaces apart. */
final class PodTable {
    private static final int PADDING = 3;

    private final boolean namespaces;
    private final int[] widths;

    private PodTable(boolean namespaces, int[] widths) {
        this.namespaces = namespaces;
        this.widths = widths;
    }

    /** Columns wide enough for these rows (later rows that are wider push their line out, as kubectl's do). */
    static PodTable fitting(List<PodRow> rows, boolean namespaces, Instant now) {
        List<String> header = header(namespaces);
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
        }
        for (PodRow row : rows) {
            List<String> cells = cells(row, namespaces, now);
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        return new PodTable(namespaces, widths);
    }

    String headerLine() {
        return line(header(namespaces));
    }

    String line(PodRow row, Instant now) {
        return line(cells(row, namespaces, now));
    }

    String line(PodRow row, String status, Instant now) {
        List<String> cells = new ArrayList<>(cells(row, namespaces, now));
        cells.set(namespaces ? 3 : 2, status);
        return line(cells);
    }

    private String line(List<String> cells) {
        var text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            text.append(cells.get(i));
            if (i < cells.size() - 1) {
                text.append(" ".repeat(Math.max(0, widths[i] - cells.get(i).length()) + PADDING));
            }
        }
        return text.toString();
    }

    private static List<String> header(boolean namespaces) {
        List<String> header = new ArrayList<>(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE"));
        if (namespaces) {
            header.add(0, "NAMESPACE");
        }
        return header;
    }

    private static List<String> cells(PodRow row, boolean namespaces, Instant now) {
        List<String> cells = new ArrayList<>(List.of(row.name(), row.ready(), row.status(), row.restartsText(now),
                row.age(now), row.node().isEmpty() ? "<none>" : row.node()));
        if (namespaces) {
            cells.add(0, row.namespace());
        }
        return cells;
    }
}
