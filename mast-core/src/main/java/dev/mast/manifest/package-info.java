/**
 * Every non-PKI file Mast writes to a node: the static pod manifests (built as fabric8 {@code Pod}
 * objects, never text templates), the kubelet's configuration, unit and drop-in, and the etcd unit.
 * Each is a pure function of the plan: the same plan gives byte-identical files, which the golden
 * tests pin and the preview, {@code mast render} and the installer all share.
 *
 * <p>Depends on {@code dev.mast.plan}, {@code dev.mast.files.NodeFile}, fabric8's model and
 * serialisation, and SnakeYAML. No I/O, no JavaFX.
 *
 * <p>Module {@code mast-core}; uses {@code files}, {@code pki}, {@code plan}.
 */
package dev.mast.manifest;
