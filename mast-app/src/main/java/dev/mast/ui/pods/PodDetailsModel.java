package dev.mast.ui.pods;

import dev.mast.cluster.KubeApi;
import dev.mast.cluster.PodDetails;
import dev.mast.cluster.PodKey;
import dev.mast.cluster.PodRow;
import dev.mast.ui.common.UiThreads;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The selected pod's details ({@code kubectl describe pod}), read in the background when the
 * selection or the pod changes; a row seen only in a node's runtime says so instead.
 */
public final class PodDetailsModel {
    private final UiThreads threads;
    private final ReadOnlyObjectWrapper<PodDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyObjectWrapper<PodRow> row = new ReadOnlyObjectWrapper<>(this, "row");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Select a pod to see its details.");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private int request;

    PodDetailsModel(UiThreads threads) {
        this.threads = threads;
    }

    void show(PodRow selected, KubeApi api, boolean apiDown) {
        int mine = ++request;
        PodKey before = row.get() == null ? null : row.get().key();
        row.set(selected);
        if (selected == null) {
            details.set(null);
            message.set("Select a pod to see its details.");
            return;
        }
        if (!selected.key().equals(before)) {
            details.set(null);
        }
        if (selected.fromRuntime()) {
            details.set(null);
            message.set("Seen by " + selected.viaRuntime() + ": " + selected.status().toLowerCase(java.util.Locale.ROOT)
                    + ", " + selected.restarts() + (selected.restarts() == 1 ? " restart" : " restarts")
                    + ". Conditions and events need the API server.");
            return;
        }
        if (api == null || apiDown) {
            message.set("The API server is unreachable; details will be read again once it answers.");
            return;
        }
        loading.set(true);
        message.set(details.get() == null ? "Reading the pod's details…" : "");
        threads.submit(() -> api.describe(selected.namespace(), selected.name()), read -> {
            if (mine == request) {
                loading.set(false);
                details.set(read);
                message.set("");
            }
        }, error -> {
            if (mine == request) {
                loading.set(false);
                message.set(error.getMessage());
            }
        });
    }

    /** A condition that does not hold ({@code Ready False}, {@code Unknown}): shown as an error. */
    public static boolean isError(PodDetails.Condition condition) {
        return !"True".equals(condition.status());
    }

    /**
     * A container waiting or terminated for a reason ({@code CrashLoopBackOff}, {@code ErrImagePull}, {@code Error}),
     * other than having finished its work ({@code Completed}): shown as an error.
     */
    public static boolean isError(PodDetails.ContainerInfo container) {
        return !container.stateReason().isEmpty() && !"Completed".equals(container.stateReason());
    }

    public ReadOnlyObjectProperty<PodDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PodRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
