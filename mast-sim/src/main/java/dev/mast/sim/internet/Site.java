package dev.mast.sim.internet;

import dev.mast.sim.machine.Network.Response;

/** A web site's files by path (starting with {@code /}). */
@FunctionalInterface
interface Site {
    Response get(String path);
}
