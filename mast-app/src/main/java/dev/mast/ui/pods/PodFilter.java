package dev.mast.ui.pods;

import dev.mast.cluster.PodRow;
import java.util.Locale;
import java.util.function.Predicate;

/** The pod list's text filter: a row shows when its name, status, node or namespace contains the text, in any case. */
final class PodFilter {
    private PodFilter() {
    }

    static Predicate<PodRow> matching(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return row -> true;
        }
        return row -> row.name().toLowerCase(Locale.ROOT).contains(needle)
                || row.status().toLowerCase(Locale.ROOT).contains(needle)
                || row.node().toLowerCase(Locale.ROOT).contains(needle)
                || row.namespace().toLowerCase(Locale.ROOT).contains(needle);
    }
}
