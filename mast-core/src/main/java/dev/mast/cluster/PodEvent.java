package dev.mast.cluster;

/** A change to the pod list, as {@link PodWatch} delivers them (in order, in batches). */
public sealed interface PodEvent {

    /** A pod was added or changed. */
    record Upsert(PodRow row) implements PodEvent {
    }

    /** A pod is gone. */
    record Removed(PodKey key) implements PodEvent {
    }

    /** The connection changed state; the rows delivered so far stay valid until told otherwise. */
    record Connection(ConnectionStatus status) implements PodEvent {
    }
}
