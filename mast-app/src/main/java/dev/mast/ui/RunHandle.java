package dev.mast.ui;

import java.nio.file.Path;
import java.util.Optional;

/** A run that {@link RunLauncher} started. */
public interface RunHandle {

    /** Stops starting new steps; running steps end at a safe point. Safe from any thread, returns at once. */
    void cancel();

    /** Where the run's full log is written (one file per node and {@code run.log}). */
    Path runFolder();

    /** Where the admin kubeconfig was saved for the user, once the run has written it. */
    Optional<Path> adminKubeconfig();
}
