package dev.mast.sim.commands;

import dev.mast.sim.shell.CommandTable;

/** The whole command vocabulary of a simulated node, in one table. */
public final class Commands {
    private Commands() {
    }

    public static CommandTable table() {
        CommandTable table = new CommandTable();
        ShellCommands.register(table);
        SudoCommand.register(table);
        FileCommands.register(table);
        AttributeCommands.register(table);
        TextCommands.register(table);
        TestCommand.register(table);
        DiffCommand.register(table);
        SystemCommands.register(table);
        KernelCommands.register(table);
        NetworkCommands.register(table);
        SystemctlCommand.register(table);
        JournalctlCommand.register(table);
        AptCommand.register(table);
        DpkgCommand.register(table);
        RpmCommand.register(table);
        CrictlCommand.register(table);
        CtrCommand.register(table);
        DockerCommand.register(table);
        CurlCommand.register(table);
        ArchiveCommands.register(table);
        BinaryCommands.register(table);
        return table;
    }
}
