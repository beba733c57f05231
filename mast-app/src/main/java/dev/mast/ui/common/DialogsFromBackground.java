package dev.mast.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.application.Platform;

/**
 * Lets a background thread (an SSH connection asking for a passphrase) ask the user: the
 * question is shown on the FX thread, one dialog at a time, and the caller blocks until it is
 * answered. Calling it on the FX thread would wait for itself, so that is refused.
 */
public final class DialogsFromBackground {
    private final DialogService dialogs;
    private final Executor fxThread;
    private final BooleanSupplier onFxThread;
    /** Fair, so forty nodes asking at once see their dialogs in the order they asked. */
    private final ReentrantLock oneAtATime = new ReentrantLock(true);

    public DialogsFromBackground(DialogService dialogs, Executor fxThread, BooleanSupplier onFxThread) {
        this.dialogs = dialogs;
        this.fxThread = fxThread;
        this.onFxThread = onFxThread;
    }

    /** The app's: dialogs shown with {@code Platform.runLater}. */
    public static DialogsFromBackground onFxThread(DialogService dialogs) {
        return new DialogsFromBackground(dialogs, Platform::runLater, Platform::isFxApplicationThread);
    }

    /**
     * Shows {@code question} on the FX thread and waits for its answer.
     *
     * @param whenInterrupted the answer when the waiting thread is interrupted (a cancelled run)
     * @throws IllegalStateException when called on the FX thread
     */
    public <T> T ask(Function<DialogService, T> question, T whenInterrupted) {
        if (onFxThread.getAsBoolean()) {
            throw new IllegalStateException("a dialog for a background task was asked for on the FX thread, which would wait for itself");
        }
        try {
            oneAtATime.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return whenInterrupted;
        }
        try {
            CompletableFuture<T> answer = new CompletableFuture<>();
            fxThread.execute(() -> {
                try {
                    answer.complete(question.apply(dialogs));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return whenInterrupted;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the dialog failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            oneAtATime.unlock();
        }
    }
}
