/**
 * Benchmark drivers that need the JavaFX toolkit, called from {@code mast bench} through plain
 * static methods so the command-line package never touches JavaFX. Not used by the app.
 */
package dev.mast.ui.bench;
