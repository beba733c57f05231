package dev.mast.ui.pods;

import dev.mast.cluster.PodEvent;
import dev.mast.cluster.PodKey;
import dev.mast.cluster.PodRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.collections.ModifiableObservableListBase;
import javafx.collections.ObservableList;

/**
 * The rows the table shows, in the table's order: the API's pods, with the nodes' runtime rows
 * laid over the ones they describe while the API server is down. A batch of changes is at most
 * two list changes, so 10,000 pods and thousands of changes a second stay cheap. FX thread only.
 */
final class PodRowsModel {
    private final RowList rows = new RowList();
    private final Map<PodKey, PodRow> api = new HashMap<>();
    private final Map<PodKey, PodRow> runtime = new HashMap<>();
    private final Map<PodKey, Integer> index = new HashMap<>();
    private static final Comparator<PodRow> BY_KEY = Comparator.comparing(PodRow::key);
    private Comparator<PodRow> comparator = BY_KEY;
    private boolean changing;

    ObservableList<PodRow> rows() {
        return rows;
    }

    Optional<PodRow> row(PodKey key) {
        return Optional.ofNullable(runtime.getOrDefault(key, api.get(key)));
    }

    int apiCount() {
        return api.size();
    }

    int runtimeCount() {
        return runtime.size();
    }

    /**
     * True while the rows change for a batch, a sort or the nodes' view: a table may drop its
     * selection meanwhile, which is not the user's doing (the pod is still there, as a new row).
     */
    boolean changing() {
        return changing;
    }

    /** Applies a watch batch's pod changes (connection events are not this model's business). */
    void apply(List<PodEvent> events) {
        Set<PodKey> touched = new LinkedHashSet<>();
        for (PodEvent event : events) {
            if (event instanceof PodEvent.Upsert upsert) {
                api.put(upsert.row().key(), upsert.row());
                touched.add(upsert.row().key());
            } else if (event instanceof PodEvent.Removed removed) {
                api.remove(removed.key());
                touched.add(removed.key());
            }
        }
        sync(touched);
    }

    /** Shows what the nodes' runtimes report, over the API rows of the same pods. */
    void showRuntime(Collection<PodRow> rowsFromNodes) {
        Set<PodKey> touched = new LinkedHashSet<>(runtime.keySet());
        runtime.clear();
        for (PodRow row : rowsFromNodes) {
            runtime.put(row.key(), row);
            touched.add(row.key());
        }
        sync(touched);
    }

    void clearRuntime() {
        showRuntime(List.of());
    }

    void clear() {
        api.clear();
        runtime.clear();
        index.clear();
        rows.clear();
    }

    /** Orders the rows (the table's sort); rows with equal keys stay ordered by namespace and name. */
    void sortBy(Comparator<PodRow> order) {
        comparator = order == null ? BY_KEY : order.thenComparing(BY_KEY);
        changing = true;
        try {
            rows.sortWith(comparator);
        } finally {
            changing = false;
        }
        reindex();
    }

    /**
     * Shows the rows of these keys as they are now. Rows whose place in the order holds are set in
     * place; the rest are removed and inserted at their place, the new ones in order, so a batch is
     * a handful of list changes however many rows it touches (a sorted view over the list would
     * instead shift its index for every row).
     */
    private void sync(Set<PodKey> keys) {
        changing = true;
        try {
            syncRows(keys);
        } finally {
            changing = false;
        }
    }

    private void syncRows(Set<PodKey> keys) {
        Set<PodKey> gone = new HashSet<>();
        List<PodRow> insert = new ArrayList<>();
        rows.batch(() -> {
            for (PodKey key : keys) {
                PodRow shown = row(key).orElse(null);
                Integer at = index.get(key);
                if (at == null) {
                    if (shown != null) {
                        insert.add(shown);
                    }
                } else if (shown == null) {
                    gone.add(key);
                } else if (fitsAt(shown, at)) {
                    if (!shown.equals(rows.get(at))) {
                        rows.set(at, shown);
                    }
                } else {
                    gone.add(key);
                    insert.add(shown);
                }
            }
        });
        if (gone.isEmpty() && insert.isEmpty()) {
            return;
        }
        insert.sort(comparator);
        if (rows.isEmpty()) {
            // The first list: sorted once and added as one change, no search for each row's place.
            rows.setAll(insert);
            reindex();
            return;
        }
        rows.batch(() -> {
            if (!gone.isEmpty()) {
                rows.removeIf(row -> gone.contains(row.key()));
            }
            int from = 0;
            for (PodRow row : insert) {
                from = insertionPoint(row, from);
                rows.add(from++, row);
            }
        });
        reindex();
    }

    private boolean fitsAt(PodRow row, int at) {
        return (at == 0 || comparator.compare(rows.get(at - 1), row) <= 0)
                && (at == rows.size() - 1 || comparator.compare(row, rows.get(at + 1)) <= 0);
    }

    /** Where the row goes, searching from {@code from} on (rows inserted in order only move forward). */
    private int insertionPoint(PodRow row, int from) {
        int low = from;
        int high = rows.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (comparator.compare(rows.get(mid), row) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void reindex() {
        index.clear();
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.get(i).key(), i);
        }
    }

    /** An observable list that can group many sets into one change. */
    private static final class RowList extends ModifiableObservableListBase<PodRow> {
        private final ArrayList<PodRow> rows = new ArrayList<>();

        /** Sorts in place, as one permutation change. */
        void sortWith(Comparator<PodRow> order) {
            Integer[] positions = new Integer[rows.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = i;
            }
            java.util.Arrays.sort(positions, (a, b) -> order.compare(rows.get(a), rows.get(b)));
            int[] permutation = new int[positions.length];
            List<PodRow> sorted = new ArrayList<>(positions.length);
            for (int i = 0; i < positions.length; i++) {
                permutation[positions[i]] = i;
                sorted.add(rows.get(positions[i]));
            }
            beginChange();
            rows.clear();
            rows.addAll(sorted);
            nextPermutation(0, permutation.length, permutation);
            endChange();
        }

        void batch(Runnable changes) {
            beginChange();
            try {
                changes.run();
            } finally {
                endChange();
            }
        }

        @Override
        public PodRow get(int index) {
            return rows.get(index);
        }

        @Override
        public int size() {
            return rows.size();
        }

        @Override
        protected void doAdd(int index, PodRow element) {
            rows.add(index, element);
        }

        @Override
        protected PodRow doSet(int index, PodRow element) {
            return rows.set(index, element);
        }

        @Override
        protected PodRow doRemove(int index) {
            return rows.remove(index);
        }
    }
}
