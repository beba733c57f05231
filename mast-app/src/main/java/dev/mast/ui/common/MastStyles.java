package dev.mast.ui.common;

/**
 * Style classes of Mast's own stylesheet ({@code mast.css}); AtlantaFX's classes come from
 * {@code atlantafx.base.theme.Styles}. One place, so views never spell a class name twice.
 */
public final class MastStyles {
    public static final String STYLESHEET = "/dev/mast/ui/mast.css";

    public static final String APP_HEADER = "app-header";
    public static final String APP_TITLE = "app-title";
    public static final String PAGE = "page";
    public static final String PAGE_TITLE = "page-title";
    public static final String PAGE_INTRO = "page-intro";
    public static final String NAV_BAR = "nav-bar";
    /** The bar above the operate screens: the way back to the wizard and what is shown. */
    public static final String OPERATE_BAR = "operate-bar";
    public static final String BLOCKED_REASON = "blocked-reason";

    public static final String STEPS = "steps";
    public static final String STEP = "step";
    public static final String STEP_CURRENT = "step-current";
    public static final String STEP_DONE = "step-done";
    public static final String STEP_LATER = "step-later";

    public static final String FIELD_ERROR = "field-error";
    public static final String FIELD_WARNING = "field-warning";
    public static final String INVALID = "invalid";
    public static final String MONOSPACE = "monospace";
    public static final String SECTION_TITLE = "section-title";
    public static final String PLACEHOLDER = "placeholder-text";
    /** A list whose cells wrap their text and are as tall as it. */
    public static final String WRAPPING = "wrapping";

    public static final String STATUS_ICON = "status-icon";
    public static final String STATUS_OK = "status-ok";
    public static final String STATUS_FAILED = "status-failed";
    public static final String STATUS_RUNNING = "status-running";
    public static final String STATUS_WAITING = "status-waiting";
    public static final String STATUS_WARNING = "status-warning";
    /** The Run page's summary of a run the user cancelled: neither success nor failure. */
    public static final String RUN_CANCELLED = "run-cancelled";

    public static final String CODE_VIEW = "code-view";
    public static final String LINE_NUMBER = "line-number";
    public static final String YAML_KEY = "yaml-key";
    public static final String YAML_STRING = "yaml-string";
    public static final String YAML_NUMBER = "yaml-number";
    public static final String YAML_LITERAL = "yaml-literal";
    public static final String YAML_COMMENT = "yaml-comment";
    public static final String YAML_PUNCTUATION = "yaml-punctuation";
    public static final String YAML_PLAIN = "yaml-plain";
    public static final String SEARCH_MATCH = "search-match";
    public static final String SEARCH_CURRENT = "search-current";

    public static final String DIFF_SAME = "diff-same";
    public static final String DIFF_ADDED = "diff-added";
    public static final String DIFF_REMOVED = "diff-removed";
    public static final String DIFF_CHANGED = "diff-changed";

    public static final String LOG_VIEW = "log-view";

    private MastStyles() {
    }
}
