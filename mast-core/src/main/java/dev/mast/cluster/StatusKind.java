package dev.mast.cluster;

/** How a pod's STATUS reads at a glance, for colouring: healthy, on its way, broken, or done. */
public enum StatusKind {
    /** Running and every container ready. */
    OK,
    /** Running but not every container is ready yet. */
    NOT_READY,
    /** Pending, creating containers, initialising, terminating. */
    PROGRESSING,
    /** Crash loops, image pull failures, errors, failed or unknown pods. */
    ERROR,
    /** Completed or succeeded. */
    DONE;

    /** The kind of a STATUS text as kubectl prints it, with the pod's READY count. */
    public static StatusKind of(String status, String ready) {
        if (status.equals("Running")) {
            return allReady(ready) ? OK : NOT_READY;
        }
        if (status.equals("Completed") || status.equals("Succeeded")) {
            return DONE;
        }
        if (status.equals("Pending") || status.equals("ContainerCreating") || status.equals("PodInitializing")
                || status.equals("Terminating") || status.equals("Created") || status.equals("SchedulingGated")
                || status.matches("Init:\\d+/\\d+")) {
            return PROGRESSING;
        }
        if (status.equals("NotReady")) {
            return NOT_READY;
        }
        return ERROR;
    }

    private static boolean allReady(String ready) {
        int slash = ready.indexOf('/');
        return slash > 0 && ready.substring(0, slash).equals(ready.substring(slash + 1));
    }
}
