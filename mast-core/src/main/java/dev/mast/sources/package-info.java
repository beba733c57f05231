/**
 * Where a node gets what Mast installs, as the plan's {@link dev.mast.plan.Sources} says: the URLs of
 * Kubernetes' package repositories and of the release files (with their checksums) for a node's
 * architecture, the repository files apt and dnf/yum read, the registry mirror containerd reads, what
 * a repository's index offers, and whether an installed program may be replaced under Kubernetes'
 * version skew policy. Pure functions of the plan and of what a node said; depends on {@code plan}
 * and {@code render} only.
 */
package dev.mast.sources;
