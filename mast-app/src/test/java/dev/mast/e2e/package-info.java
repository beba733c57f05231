/**
 * End-to-end tests on real Debian nodes booted on this machine by {@code src/test/e2e/nodes.sh}
 * (systemd-nspawn, sshd, apt, containerd, a local registry) running the real Kubernetes programs:
 * they run the packaged {@code mast} command line against the nodes and check the nodes over SSH
 * and the cluster with the real {@code kubectl}. Tagged {@code e2e}: only {@code mvn -Pe2e verify}
 * runs them (Linux, root). Each test prints {@code e2e: <test>: <seconds> s}. Depends on sshj and
 * the plan model only, never on the workflow it checks.
 */
package dev.mast.e2e;
