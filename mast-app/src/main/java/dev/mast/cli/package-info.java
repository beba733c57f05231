/**
 * The picocli commands: thin wrappers that parse arguments and call the core. No JavaFX. What they
 * print goes through {@link dev.mast.cli.ConsoleWriter}; {@code Fuzz*} feed them hostile files.
 */
package dev.mast.cli;
