/** The picocli commands: thin wrappers that parse arguments and call the core. No JavaFX. */
package dev.mast.cli;
