package dev.mast.ui.pods;

import dev.mast.cluster.StatusKind;

/** Style classes of the pod list ({@code pods.css}), in one place. */
final class PodStyles {
    static final String STYLESHEET = "/dev/mast/ui/pods/pods.css";
    static final String VIEW = "pods-view";
    static final String BAR = "pods-bar";
    static final String BANNER = "connection-banner";
    static final String BANNER_NOTE = "banner-note";
    static final String TABLE = "pods-table";
    static final String BADGE = "pod-badge";
    static final String BADGE_STATIC = "badge-static";
    static final String BADGE_RUNTIME = "badge-runtime";
    static final String SUMMARY = "pods-summary";
    static final String DETAILS = "pod-details";
    static final String DETAILS_TITLE = "details-title";
    static final String DETAILS_SUBTITLE = "details-subtitle";
    static final String SECTION = "details-section";
    static final String MUTED = "muted";
    static final String WARNING_EVENT = "event-warning";
    static final String ERROR_TEXT = "error-text";

    private PodStyles() {
    }

    /** The STATUS cell's class for a kind: green, amber, blue, red or grey in the stylesheet. */
    static String status(StatusKind kind) {
        return switch (kind) {
            case OK -> "status-ok";
            case NOT_READY -> "status-not-ready";
            case PROGRESSING -> "status-progressing";
            case ERROR -> "status-error";
            case DONE -> "status-done";
        };
    }

}
