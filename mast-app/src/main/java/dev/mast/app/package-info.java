/**
 * The app's composition root: the real core behind the GUI's service interfaces (rendering,
 * connection tests, runs, the upgrade inspection, the in-process simulator for trying Mast).
 * Depends on the core and on {@code ui}'s interfaces; views never see these classes.
 *
 * <p>Module {@code mast-app}; uses the core, {@code sim}, {@code ui}.
 */
package dev.mast.app;
