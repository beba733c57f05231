/**
 * What phases are made of: packages, systemd units, images, health waits, files on the node and
 * their backups, the old units an upgrade reads and the flags it carries, the pods the final check
 * expects, the cluster's CA taken into the PKI folder, and the node files rendered once. Depends on
 * the engine ({@code dev.mast.workflow}), plan, files, render, manifest and pki; never on the phases.
 */
package dev.mast.workflow.tasks;
