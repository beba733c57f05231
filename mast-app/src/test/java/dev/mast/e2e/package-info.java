/**
 * End-to-end tests on real Debian nodes booted on this machine by {@code src/test/e2e/nodes.sh}
 * (systemd-nspawn, sshd, apt, containerd, a local registry, stand-in Kubernetes programs): they
 * run the packaged {@code mast} command line against the nodes and check the nodes over SSH.
 * Tagged {@code e2e}: only {@code mvn -Pe2e verify} runs them (Linux, root). Depends on sshj and
 * the plan model only, never on the workflow it checks.
 */
package dev.mast.e2e;
