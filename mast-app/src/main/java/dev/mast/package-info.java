/**
 * The launcher: {@link dev.mast.Main} opens the desktop app ({@code ui}, with the core's services from
 * {@code app}) when given no arguments and runs the command line ({@code cli}) otherwise, and sets up the
 * app log ({@link dev.mast.AppLogging}) and the command line's console logging first. Kept free of JavaFX
 * types, so the command line starts without loading the toolkit.
 *
 * <p>Module {@code mast-app}; uses {@code app}, {@code cli}, {@code ui} and the core's {@code node}.
 */
package dev.mast;
