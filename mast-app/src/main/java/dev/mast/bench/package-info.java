/**
 * The benchmarks' harness behind {@code mast bench}: the real Run view and pod list fed synthetic
 * streams on a headless or real screen ({@link dev.mast.bench.ProgressBench}, {@link dev.mast.bench.PodsBench}),
 * the simulator in a JVM of its own for the workflow benchmark ({@link dev.mast.bench.BenchSimulator},
 * {@link dev.mast.bench.PhaseClock}), and the launcher's start-up probe ({@link dev.mast.bench.StartupProbe}).
 * Entry points have plain-Java signatures, so the command line calls them without seeing JavaFX.
 * May depend on {@code ui}, the core and the simulator; only {@code cli} depends on it.
 *
 * <p>Module {@code mast-app}; uses the core, {@code ui}.
 */
package dev.mast.bench;
