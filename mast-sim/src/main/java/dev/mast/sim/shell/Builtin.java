package dev.mast.sim.shell;

/** A command the simulator implements. Failures may be thrown as {@link CommandException}. */
@FunctionalInterface
public interface Builtin {
    int run(Invocation invocation) throws Exception;
}
