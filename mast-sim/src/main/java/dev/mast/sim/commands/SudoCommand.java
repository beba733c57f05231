package dev.mast.sim.commands;

import dev.mast.sim.machine.SudoPolicy;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import dev.mast.sim.shell.Session;
import java.util.List;

/**
 * {@code sudo} as it behaves without a terminal: NOPASSWD runs at once; with a password,
 * {@code -n} refuses, {@code -S} reads the password from the first line(s) of standard input
 * (three tries) and leaves the rest to the command, and without {@code -S} there is no way to
 * ask. Only root is a target user.
 */
final class SudoCommand {
    private static final int TRIES = 3;

    private SudoCommand() {
    }

    static void register(CommandTable table) {
        table.add("sudo", "/usr/bin/sudo", CommandTable.Gate.ALWAYS, SudoCommand::sudo);
    }

    private static int sudo(Invocation inv) throws Exception {
        List<String> args = inv.args();
        boolean nonInteractive = false;
        boolean stdinPassword = false;
        String prompt = null;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String arg = args.get(i++);
            if (arg.equals("--")) {
                break;
            }
            switch (arg) {
                case "-n", "--non-interactive" -> nonInteractive = true;
                case "-S", "--stdin" -> stdinPassword = true;
                case "-p", "--prompt" -> prompt = i < args.size() ? args.get(i++) : "";
                case "-u", "--user" -> {
                    String user = i < args.size() ? args.get(i++) : "";
                    if (!user.equals("root") && !user.equals("#0")) {
                        throw new CommandException(1, "sudo: the simulated node runs commands only as root, not as " + user);
                    }
                }
                case "-E", "-H", "-k", "--preserve-env", "--set-home" -> { }
                default -> {
                    if (arg.startsWith("-p")) {
                        prompt = arg.substring(2);
                    } else if (arg.matches("-[nSEHk]+")) {
                        nonInteractive |= arg.contains("n");
                        stdinPassword |= arg.contains("S");
                    } else {
                        throw new CommandException(1, "sudo: unknown option -- " + arg.replaceFirst("^-+", ""));
                    }
                }
            }
        }
        while (i < args.size() && args.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            i++;
        }
        if (i >= args.size()) {
            throw new CommandException(1, "usage: sudo [-nS] [-p prompt] [-u user] [VAR=value] command [arg ...]");
        }
        Session session = inv.session();
        if (!session.isRoot()) {
            authenticate(inv, session, nonInteractive, stdinPassword, prompt);
        }
        List<String> command = args.subList(i, args.size());
        if (inv.shell().commands().lookup(command.get(0), inv.machine()).isEmpty() && !command.get(0).contains("/")
                && CommandTable.onPath(command.get(0), inv.machine()).isEmpty()) {
            throw new CommandException(1, "sudo: " + command.get(0) + ": command not found");
        }
        return inv.run(command, inv.io(), session.asRoot());
    }

    private static void authenticate(Invocation inv, Session session, boolean nonInteractive, boolean stdinPassword,
                                     String prompt) throws Exception {
        SudoPolicy policy = session.sudo();
        if (policy instanceof SudoPolicy.NoPassword) {
            return;
        }
        if (nonInteractive) {
            throw new CommandException(1, "sudo: a password is required");
        }
        if (!stdinPassword) {
            throw new CommandException(1, "sudo: a terminal is required to read the password; either use the -S option to read"
                    + " from standard input or configure an askpass helper\nsudo: a password is required");
        }
        String shownPrompt = prompt == null ? "[sudo] password for " + session.loginUser() + ": " : prompt;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            inv.err(shownPrompt);
            inv.flush();
            String line = inv.readLine();
            if (line == null) {
                throw new CommandException(1, "sudo: no password was provided\nsudo: a password is required");
            }
            if (policy instanceof SudoPolicy.Password password && password.matches(line)) {
                return;
            }
            if (policy instanceof SudoPolicy.Denied) {
                throw new CommandException(1, session.loginUser() + " is not in the sudoers file.");
            }
            if (attempt < TRIES) {
                inv.errLine("Sorry, try again.");
            }
        }
        throw new CommandException(1, "sudo: " + TRIES + " incorrect password attempts");
    }
}
