package dev.mast.ui.pods;

import dev.mast.cluster.ConnectionState;
import dev.mast.cluster.ConnectionStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The pod list's words for its connection: the banner and the summary line. */
final class ConnectionTexts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private ConnectionTexts() {
    }

    /** Empty while connected; otherwise what is wrong and what the list shows. */
    static String banner(ConnectionStatus status, ZoneId zone) {
        if (status == null || !status.state().apiDown()) {
            return "";
        }
        if (status.lastSynced() != null) {
            return "API server unreachable — reconnecting; showing the list from "
                    + TIME.format(status.lastSynced().atZone(zone));
        }
        return "API server unreachable at " + status.server() + " — retrying"
                + (status.problem().isEmpty() ? "" : " (" + status.problem() + ")");
    }

    /** {@code 42 pods in kube-system · live from https://…}; with a filter, {@code 3 of 42 pods …}. */
    static String summary(int shown, int count, boolean filtering, String namespace, String server, ConnectionStatus status) {
        String where = PodsViewModel.ALL_NAMESPACES.equals(namespace) ? "all namespaces" : namespace;
        String state;
        if (server == null) {
            state = "not connected";
        } else if (status == null || status.state() == ConnectionState.CONNECTING) {
            state = "connecting to " + server;
        } else if (status.state() == ConnectionState.CONNECTED) {
            state = "live from " + server;
        } else {
            state = "API server unreachable";
        }
        return (filtering ? shown + " of " : "") + count + (count == 1 ? " pod" : " pods") + " in " + where + " · " + state;
    }
}
