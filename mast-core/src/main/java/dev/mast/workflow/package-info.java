/**
 * Workflows: the install and the systemd-to-static-pod upgrade as ordered phases of steps
 * per node, the runner with bounded parallelism, cancellation and rollback, and the
 * progress events it emits. Depends on plan, manifest, pki, render and node; never on
 * JavaFX or the simulator.
 */
package dev.mast.workflow;
