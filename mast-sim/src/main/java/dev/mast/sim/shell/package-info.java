/**
 * The simulator's shell: parses a command line of the supported vocabulary (see {@code dev.mast.sim})
 * into and-or lists, pipelines and simple commands, applies redirections and expansions against the
 * node's files, and runs each command from a {@link dev.mast.sim.shell.CommandTable}. Depends on
 * {@code dev.mast.sim.machine}.
 */
package dev.mast.sim.shell;
