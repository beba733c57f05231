package dev.mast.ui.wizard;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/** A page of the wizard as navigation sees it: may the user go on, and if not, why not. */
public interface WizardStep {

    /** True when Next may leave the page. */
    ObservableBooleanValue validProperty();

    /** Why Next is disabled, one sentence; empty while the page is valid. */
    ObservableStringValue blockedReasonProperty();

    /** The page is shown: start watching live data, refresh what depends on other pages. */
    default void activate() {
    }

    /** The page is hidden: stop watching. */
    default void deactivate() {
    }
}
