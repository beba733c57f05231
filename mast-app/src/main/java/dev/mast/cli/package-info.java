/**
 * The picocli commands: thin wrappers that parse arguments and call the core (and, for
 * {@code mast bench}, the {@code bench} harness; for {@code mast simulate}, the simulator).
 * No JavaFX, and never {@code ui}. What they print goes through
 * {@link dev.mast.cli.ConsoleWriter}; {@code Fuzz*} feed them hostile files.
 *
 * <p>Module {@code mast-app}; uses the core, {@code sim}, {@code bench}.
 */
package dev.mast.cli;
