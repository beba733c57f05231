package dev.mast.ui.pods;

import dev.mast.cluster.PodEvent;
import dev.mast.cluster.PodKey;
import dev.mast.cluster.PodRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows the table shows: the API's pods, with the nodes' runtime rows laid over the ones
 * they describe while the API server is down. A batch of changes costs one removal pass, one
 * set per changed row and one add for the new ones, so 10,000 pods stay cheap. FX thread only.
 */
final class PodRowsModel {
    private final ObservableList<PodRow> rows = FXCollections.observableArrayList();
    private final Map<PodKey, PodRow> api = new HashMap<>();
    private final Map<PodKey, PodRow> runtime = new HashMap<>();
    private final Map<PodKey, Integer> index = new HashMap<>();

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

    private void sync(Set<PodKey> keys) {
        Set<PodKey> gone = new HashSet<>();
        List<PodRow> added = new ArrayList<>();
        for (PodKey key : keys) {
            PodRow shown = row(key).orElse(null);
            Integer at = index.get(key);
            if (shown == null && at != null) {
                gone.add(key);
            } else if (shown != null && at != null) {
                if (!shown.equals(rows.get(at))) {
                    rows.set(at, shown);
                }
            } else if (shown != null) {
                added.add(shown);
            }
        }
        if (!gone.isEmpty()) {
            rows.removeIf(row -> gone.contains(row.key()));
            index.clear();
            for (int i = 0; i < rows.size(); i++) {
                index.put(rows.get(i).key(), i);
            }
        }
        if (!added.isEmpty()) {
            int start = rows.size();
            for (int i = 0; i < added.size(); i++) {
                index.put(added.get(i).key(), start + i);
            }
            rows.addAll(added);
        }
    }
}
