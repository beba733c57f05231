/**
 * What the app does with an error nobody caught: log it to the app log and show a dialog naming
 * that log, rather than vanishing. {@link dev.mast.ui.crash.CrashReport} and
 * {@link dev.mast.ui.crash.CrashHandler} are free of JavaFX controls; {@link dev.mast.ui.crash.CrashDialog} shows one.
 */
package dev.mast.ui.crash;
