/**
 * The simulated machine behind a node: its virtual root file system, clock, journal, processes
 * (components that start, listen, crash and stop), systemd, package database, container runtimes,
 * kubelet (static pods and mirror pods) and injected faults. All state changes happen under the
 * machine's lock; a background tick moves time on. Depends on fabric8's model and client (mirror
 * pods) and SnakeYAML; nothing of the SSH or shell layers.
 */
package dev.mast.sim.machine;
