/**
 * The Run page: live progress per node from the workflow's events (batched onto the FX thread),
 * each node's log in a capped buffer, cancel, retry of failed nodes and the run's summary.
 * Depends on the workflow's event types and the services of {@code dev.mast.ui}.
 */
package dev.mast.ui.run;
