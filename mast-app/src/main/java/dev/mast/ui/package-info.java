/**
 * The desktop app: its composition root ({@link dev.mast.ui.MastApp}), the main window, and the
 * small service interfaces through which the GUI reaches the core ({@link dev.mast.ui.PlanRenderer},
 * {@link dev.mast.ui.ConnectionTester}, {@link dev.mast.ui.RunLauncher},
 * {@link dev.mast.ui.SimulatedClusterStarter}, {@link dev.mast.ui.UpgradeInspector}), gathered
 * in {@link dev.mast.ui.AppServices}. Feature packages ({@code wizard}, {@code preview},
 * {@code run}) hold the screens; {@code common} what they share. May depend on every core
 * package; the core never depends on this one.
 */
package dev.mast.ui;
