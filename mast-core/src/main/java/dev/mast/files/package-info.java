/**
 * A file as Mast writes it to a node: absolute path, exact bytes, mode, and whether it is a
 * secret. The value the renderers ({@code manifest}, {@code pki}, {@code render}) produce and the
 * workflows write; it depends on nothing else of Mast.
 *
 * <p>Module {@code mast-core}; uses nothing else of Mast.
 */
package dev.mast.files;
