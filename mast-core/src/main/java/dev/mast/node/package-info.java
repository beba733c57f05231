/**
 * The SSH layer: one {@link dev.mast.node.NodeConnection} per node, reused for every command
 * and upload of a run. Commands stream their output line by line, run through sudo when the
 * user is not root, and are re-run after a dropped connection only when marked idempotent.
 * Uploads are atomic (temp file, then rename) with explicit mode and owner. Host keys are
 * checked against an OpenSSH {@code known_hosts} file; an unknown key needs the user's
 * confirmation, a changed key stops the connection.
 *
 * <p>Depends on sshj and on {@code dev.mast.plan} (SSH settings of a node) only. Secrets
 * (passphrases, passwords) come from a {@link dev.mast.node.CredentialPrompt}, live in memory
 * for one run and never reach a log line, an exception or {@code toString()}.
 *
 * <p>Module {@code mast-core}; uses {@code concurrent}, {@code plan}.
 */
package dev.mast.node;
