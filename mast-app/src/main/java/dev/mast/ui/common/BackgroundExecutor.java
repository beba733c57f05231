package dev.mast.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands its result back to the UI thread. The app uses a
 * pool ({@link UiThreads}); view-model tests run everything on the calling
 * thread ({@link #callingThread()}) so they need neither waits nor a toolkit.
 */
public interface BackgroundExecutor {

    /**
     * @param work      runs in the background; must not touch controls or properties bound to them
     * @param onSuccess receives the result on the UI thread
     * @param onFailure receives what {@code work} threw, on the UI thread
     */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Runs the work and its callback right away on the caller's thread. */
    static BackgroundExecutor callingThread() {
        return new BackgroundExecutor() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
