package dev.mast.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Every dialog the app shows goes through here, so view models can ask the user something
 * and tests can answer. Buttons name the action ("Trust host key"), never Yes/No.
 */
public interface DialogService {

    /** Asks before doing something; true when the user chose {@code action} rather than Cancel. */
    default boolean confirm(String title, String message, String action) {
        return confirm(title, message, action, "Cancel");
    }

    /** Like {@link #confirm(String, String, String)}, naming the other button too ("Keep running"). */
    boolean confirm(String title, String message, String action, String dismiss);

    /**
     * Asks for as long as the question matters: when {@code stillAsking} turns false while the dialog is
     * open (the run it would cancel has ended), the dialog closes by itself and the answer is false.
     */
    default boolean confirmWhile(String title, String message, String action, String dismiss, ObservableBooleanValue stillAsking) {
        return stillAsking.get() && confirm(title, message, action, dismiss) && stillAsking.get();
    }

    /** Tells the user something went wrong: one sentence, and the details to expand. */
    void showError(String title, String message, String details);

    void showInfo(String title, String message);

    /** Asks for multi-line text (pasting rows); empty when the user cancelled. */
    Optional<String> askForText(String title, String message, String action);

    /**
     * Asks for a secret (a key passphrase, a password) in a field that never shows what is typed.
     * The caller owns the returned array and zeroes it after use; empty when the user cancelled.
     *
     * @param fieldLabel what the field holds ("Passphrase")
     */
    Optional<char[]> askForSecret(String title, String message, String fieldLabel, String action);

    /** @param extensions file name patterns such as {@code *.yaml}, shown under {@code description} */
    Optional<Path> chooseFileToOpen(String title, Optional<Path> initialFolder, String description, List<String> extensions);

    Optional<Path> chooseFileToSave(String title, Optional<Path> initialFile);

    Optional<Path> chooseFolder(String title, Optional<Path> initialFolder);
}
