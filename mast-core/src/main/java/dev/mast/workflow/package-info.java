/**
 * The workflow engine: a {@link dev.mast.workflow.Workflow} is an ordered list of
 * {@link dev.mast.workflow.Phase}s, each its {@link dev.mast.workflow.PhaseInfo} (data: id, title, which
 * nodes, how and when it runs, what it needs) and its {@link dev.mast.workflow.Step} (what it does on a
 * node). The {@link dev.mast.workflow.WorkflowRunner} runs them with bounded parallelism, cancellation and
 * rollback, and emits progress events. Every change a step makes goes through
 * {@link dev.mast.workflow.Remote}: over SSH for a run ({@link dev.mast.workflow.SshRemote}), recorded for a
 * dry run or the preview ({@link dev.mast.workflow.RecordingRemote}, read back by
 * {@link dev.mast.workflow.DryRunReport}).
 *
 * <p>The phases themselves are in {@code workflow.phases}, what they are made of in {@code workflow.tasks},
 * the install and upgrade and the one way to run them in {@code workflow.run}. Depends on plan, files,
 * render and node; never on JavaFX or the simulator.
 *
 * <p>Module {@code mast-core}; uses {@code cluster}, {@code concurrent}, {@code files}, {@code manifest}, {@code node}, {@code pki}, {@code plan}, {@code render}.
 */
package dev.mast.workflow;
