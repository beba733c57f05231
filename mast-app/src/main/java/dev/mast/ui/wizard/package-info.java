/**
 * The plan wizard: the working copy of the plan ({@link dev.mast.ui.wizard.PlanDraft}), the wizard's
 * navigation ({@link dev.mast.ui.wizard.WizardViewModel}) and the Start, Cluster and Nodes pages,
 * each a view and its view model. View models use the plan package and the services of
 * {@code dev.mast.ui}; views only build controls and bind.
 */
package dev.mast.ui.wizard;
