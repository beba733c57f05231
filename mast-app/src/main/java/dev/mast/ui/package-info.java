/**
 * The desktop app: its composition root ({@link dev.mast.ui.MastApp}), the main window, and the
 * small service interfaces through which the GUI reaches the core ({@link dev.mast.ui.PlanRenderer},
 * {@link dev.mast.ui.ConnectionTester}, {@link dev.mast.ui.RunLauncher},
 * {@link dev.mast.ui.SimulatedClusterStarter}, {@link dev.mast.ui.UpgradeInspector},
 * {@link dev.mast.ui.NodeAccess}), gathered in {@link dev.mast.ui.AppServices}, every one of them
 * required. Feature packages ({@code wizard}, {@code preview}, {@code run}, {@code pods},
 * {@code logs}) hold the screens; {@code common} what they share. The core never depends on this one.
 *
 * <p>Module {@code mast-app}; uses the core except {@code node} (ArchUnit: LayeringTest).
 */
package dev.mast.ui;
