/**
 * The install and the upgrade as tables of phases ({@link dev.mast.workflow.run.InstallWorkflow},
 * {@link dev.mast.workflow.run.UpgradeWorkflow}), and {@link dev.mast.workflow.run.ClusterRun}, the one way
 * the desktop app, the command line and the tests run them (for real over SSH, or as a dry run);
 * {@link dev.mast.workflow.run.NodeInspector} reads a node for the upgrade's preview with the same code.
 */
package dev.mast.workflow.run;
