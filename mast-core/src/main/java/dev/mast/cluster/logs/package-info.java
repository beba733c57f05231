/**
 * Container logs: what to read ({@link dev.mast.cluster.logs.LogRequest}), where from (the API,
 * or the node's container runtime over SSH when the API server is down), streamed line by line,
 * and the {@link dev.mast.cluster.logs.LogBuffer} a viewer keeps them in: bounded by a line cap,
 * stored compactly as UTF-8, searchable with plain text or regular expressions.
 *
 * <p>Depends on fabric8's client, {@code dev.mast.cluster}, {@code dev.mast.cluster.runtime}
 * and {@code dev.mast.node}; never on JavaFX.
 */
package dev.mast.cluster.logs;
