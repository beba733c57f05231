/** The set of files Mast writes to each node, assembled from manifests and the PKI. */
package dev.mast.render;
