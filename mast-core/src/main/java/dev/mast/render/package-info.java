/**
 * The set of files Mast writes to each node, assembled from manifests and the PKI.
 *
 * <p>Module {@code mast-core}; uses {@code files}, {@code manifest}, {@code pki}, {@code plan}.
 */
package dev.mast.render;
