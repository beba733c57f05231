/**
 * The simulated nodes' view of the internet: Kubernetes' package repositories (pkgs.k8s.io, deb and
 * rpm, every patch release of every minor Mast installs, signed by one key), its release binaries
 * (dl.k8s.io, with {@code .sha256} files), the GitHub releases of cri-tools, the CNI plugins and etcd
 * (tarballs with their checksums), and registry.k8s.io. A test cuts a node or every node off from
 * upstream, and puts up a mirror: the same files and images at a site's own address, as an air-gapped
 * site has. A harness only: nothing of Mast's core depends on it.
 */
package dev.mast.sim.internet;
