/**
 * One {@link dev.mast.workflow.Step} per phase, named for what it does ({@code StartKubelet},
 * {@code ConvertToStaticPods}): check whether the node has it already, do it, roll it back. What a
 * phase is (its id, title, nodes, mode) is not here but in the workflow's table
 * ({@code workflow.run.InstallWorkflow}, {@code UpgradeWorkflow}).
 *
 * <p>Adding a phase: write its step here from the helpers in {@code workflow.tasks}, every change
 * through {@code context.remote()} (commands with {@code run}, files with {@code write}, anything else
 * a dry run must not do with {@code perform}; questions with {@code query} or {@code probe}, written
 * so that no answer means "not there yet"), then add a line to the workflow's table. The dry run,
 * the preview and {@code --only}/{@code --skip} follow from that line.
 */
package dev.mast.workflow.phases;
