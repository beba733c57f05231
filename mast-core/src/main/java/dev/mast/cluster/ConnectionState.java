package dev.mast.cluster;

/** Where the pod list's link to the API server stands. */
public enum ConnectionState {
    /** The first list has not arrived yet. */
    CONNECTING,
    /** Listed and watching: the rows are current. */
    CONNECTED,
    /** The watch was lost after a list arrived; the client retries and the rows are the last known. */
    RECONNECTING,
    /** The API server could not be reached at all yet; the client keeps trying. */
    UNREACHABLE;

    /** True when the API server is not answering now (the log viewer then reads from the nodes). */
    public boolean apiDown() {
        return this == RECONNECTING || this == UNREACHABLE;
    }
}
