package dev.mast.sim.machine;

/**
 * Who a simulated machine is.
 *
 * @param address the one address the node has besides loopback (its SSH server listens there)
 * @param mac     the MAC address of eth0, unique per node
 */
public record Identity(String hostName, String address, String mac, OsImage os, int cpus) { }
