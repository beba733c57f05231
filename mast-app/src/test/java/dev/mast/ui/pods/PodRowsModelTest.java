package dev.mast.ui.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.cluster.PodEvent;
import dev.mast.cluster.PodKey;
import dev.mast.cluster.PodRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The table's rows: kept in order through changes, one list change per batch, runtime rows laid over. */
class PodRowsModelTest {
    private final PodRowsModel model = new PodRowsModel();
    private final List<ListChangeListener.Change<? extends PodRow>> changes = new ArrayList<>();

    PodRowsModelTest() {
        model.rows().addListener((ListChangeListener<PodRow>) changes::add);
    }

    private static PodRow row(String name, String status, int restarts) {
        return new PodRow("kube-system", name, "1/1", status, restarts, null, Instant.EPOCH, "node001", false,
                List.of("main"), List.of(), "");
    }

    private List<String> names() {
        return model.rows().stream().map(PodRow::name).toList();
    }

    @Test
    void keepsTheRowsSortedByNameAsTheyArriveInOneChangePerBatch() {
        model.apply(List.of(new PodEvent.Upsert(row("c", "Running", 0)), new PodEvent.Upsert(row("a", "Running", 0)),
                new PodEvent.Upsert(row("b", "Running", 0))));
        assertEquals(List.of("a", "b", "c"), names());
        assertEquals(1, changes.size());
        model.apply(List.of(new PodEvent.Upsert(row("b", "Error", 1)), new PodEvent.Removed(new PodKey("kube-system", "a")),
                new PodEvent.Upsert(row("aa", "Running", 0))));
        assertEquals(List.of("aa", "b", "c"), names());
        assertEquals("Error", model.rows().get(1).status());
    }

    @Test
    void movesARowWhoseSortKeyChanged() {
        model.sortBy(Comparator.comparingInt(PodRow::restarts));
        model.apply(List.of(new PodEvent.Upsert(row("a", "Running", 0)), new PodEvent.Upsert(row("b", "Running", 2)),
                new PodEvent.Upsert(row("c", "Running", 5))));
        assertEquals(List.of("a", "b", "c"), names());
        model.apply(List.of(new PodEvent.Upsert(row("a", "CrashLoopBackOff", 9))));
        assertEquals(List.of("b", "c", "a"), names());
        model.sortBy(null);
        assertEquals(List.of("a", "b", "c"), names());
    }

    @Test
    void laysTheNodesRowsOverTheApisAndTakesThemAwayAgain() {
        model.apply(List.of(new PodEvent.Upsert(row("kube-apiserver-node001", "Running", 0)),
                new PodEvent.Upsert(row("coredns", "Running", 0))));
        PodRow fromNode = new PodRow("kube-system", "kube-apiserver-node001", "0/1", "Exited", 4, null, Instant.EPOCH,
                "node001", true, List.of("kube-apiserver"), List.of(), "containerd on node001");
        model.showRuntime(List.of(fromNode));
        assertEquals(List.of("coredns", "kube-apiserver-node001"), names());
        assertEquals("Exited", model.rows().get(1).status());
        assertEquals(1, model.runtimeCount());
        model.clearRuntime();
        assertEquals("Running", model.rows().get(1).status());
    }
}
