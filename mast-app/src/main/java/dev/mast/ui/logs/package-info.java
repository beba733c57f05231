/**
 * The log viewer: {@link dev.mast.ui.logs.LogView} (a virtualised list over a
 * {@link dev.mast.cluster.logs.LogBuffer}, search with highlighted matches, follow without
 * stealing the scroll position) over {@link dev.mast.ui.logs.LogViewModel}, which streams from
 * the API or, for control-plane pods, from the node's container runtime.
 *
 * <p>The view model depends on {@code dev.mast.cluster.logs} and {@code dev.mast.cluster.runtime}
 * and JavaFX properties; the view only builds controls, binds and forwards events.
 */
package dev.mast.ui.logs;
