package dev.mast.sim.internet;

/** A web site's files by path (starting with {@code /}). */
@FunctionalInterface
interface Site {
    Response get(String path);
}
