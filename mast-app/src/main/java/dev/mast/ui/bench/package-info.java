/**
 * The progress benchmark behind {@code mast bench progress}: the real Run view fed a synthetic
 * event stream from many threads, measuring how much of the FX thread it takes. Its entry point
 * ({@link dev.mast.ui.bench.ProgressBench#run}) has a plain-Java signature, so the command line
 * calls it without seeing JavaFX.
 */
package dev.mast.ui.bench;
