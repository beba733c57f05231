/**
 * The cluster PKI as kubeadm lays it out: the three CAs (cluster, front proxy, etcd), the
 * certificates signed by them, the service-account key pair and the kubeconfigs that embed
 * client certificates. {@link dev.mast.pki.PkiStore} creates it once in a local folder and
 * reuses it on every render; {@link dev.mast.pki.ClusterPki} says which files each node gets.
 *
 * <p>Depends on {@code dev.mast.plan}, {@code dev.mast.files.NodeFile}, BouncyCastle and
 * SnakeYAML; never on SSH, workflow or UI code. Private keys never appear in a
 * {@code toString()} or an exception message.
 *
 * <p>Module {@code mast-core}; uses {@code files}, {@code plan}.
 */
package dev.mast.pki;
