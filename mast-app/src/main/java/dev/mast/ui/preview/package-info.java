/**
 * The Preview page: every file a plan renders, per node, shown read-only with YAML highlighting
 * and search; on an upgrade, a side-by-side diff against what the node has now and the flags
 * carried over from its systemd units. Secret files are listed but never shown. Depends on the
 * render and plan packages and the services of {@code dev.mast.ui}.
 */
package dev.mast.ui.preview;
