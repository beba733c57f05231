package dev.mast.ui;

import dev.mast.plan.Plan;
import dev.mast.workflow.ProgressListener;
import java.util.Set;

/**
 * Starts an install or upgrade in the background and returns at once. The run reports through
 * {@code listener} from its own threads: a {@code RunStarted} first, a {@code RunFinished} last,
 * also when it fails or is cancelled.
 */
@FunctionalInterface
public interface RunLauncher {

    /**
     * @param onlyNodes host names to run on (retrying failed nodes); empty for every node of the plan
     * @throws Exception if the run could not start at all (no run folder, bad plan); nothing was done then
     */
    RunHandle start(Plan plan, RunKind kind, Set<String> onlyNodes, ProgressListener listener) throws Exception;
}
