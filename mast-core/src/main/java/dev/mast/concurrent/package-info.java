/**
 * Threads and what they hand each other, shared by the core, the simulator and the GUI: named
 * daemon threads ({@link dev.mast.concurrent.DaemonThreads}), the one batcher that carries streams
 * of events to a consumer in batches ({@link dev.mast.concurrent.Batcher}), and the bounded,
 * numbered log of a stream's last items ({@link dev.mast.concurrent.BoundedLog}). Depends on
 * nothing else of Mast.
 *
 * <p>Module {@code mast-core}; uses nothing else of Mast.
 */
package dev.mast.concurrent;
