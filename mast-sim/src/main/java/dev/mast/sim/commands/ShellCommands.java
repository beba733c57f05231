package dev.mast.sim.commands;

import dev.mast.concurrent.DaemonThreads;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.ExitException;
import dev.mast.sim.shell.Invocation;
import dev.mast.sim.shell.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The shell's own commands: sh and bash, env, command and which, cd, set, exit, sleep, timeout. */
final class ShellCommands {
    private ShellCommands() {
    }

    static void register(CommandTable table) {
        table.add("sh", "/usr/bin/sh", CommandTable.Gate.ALWAYS, ShellCommands::sh)
                .add("bash", "/usr/bin/bash", CommandTable.Gate.ALWAYS, ShellCommands::sh)
                .add("dash", "/usr/bin/dash", CommandTable.Gate.ALWAYS, ShellCommands::sh)
                .add("env", "/usr/bin/env", CommandTable.Gate.ALWAYS, ShellCommands::env)
                .add("command", "command", CommandTable.Gate.SHELL_BUILTIN, ShellCommands::command)
                .add("which", "/usr/bin/which", CommandTable.Gate.ALWAYS, ShellCommands::which)
                .add("true", "/usr/bin/true", CommandTable.Gate.ALWAYS, inv -> 0)
                .add("false", "/usr/bin/false", CommandTable.Gate.ALWAYS, inv -> 1)
                .add(":", ":", CommandTable.Gate.SHELL_BUILTIN, inv -> 0)
                .add("cd", "cd", CommandTable.Gate.SHELL_BUILTIN, ShellCommands::cd)
                .add("pwd", "pwd", CommandTable.Gate.SHELL_BUILTIN, inv -> {
                    inv.outLine(inv.session().cwd());
                    return 0;
                })
                .add("export", "export", CommandTable.Gate.SHELL_BUILTIN, ShellCommands::export)
                .add("set", "set", CommandTable.Gate.SHELL_BUILTIN, ShellCommands::set)
                .add("exit", "exit", CommandTable.Gate.SHELL_BUILTIN, inv -> {
                    throw new ExitException(inv.args().isEmpty() ? 0 : Integer.parseInt(inv.args().get(0)));
                })
                .add("sleep", "/usr/bin/sleep", CommandTable.Gate.ALWAYS, ShellCommands::sleep)
                .add("timeout", "/usr/bin/timeout", CommandTable.Gate.ALWAYS, ShellCommands::timeout);
    }

    /** {@code sh -c SCRIPT}, {@code sh FILE}, or a script on standard input; {@code -e} turns on errexit. */
    private static int sh(Invocation inv) throws Exception {
        List<String> args = inv.args();
        boolean errexit = false;
        String script = null;
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-o") || arg.equals("+o")) {
                i++;
            } else if (arg.startsWith("-") && arg.length() > 1 && !arg.startsWith("--")) {
                errexit |= arg.contains("e");
                if (arg.contains("c")) {
                    if (i + 1 >= args.size()) {
                        throw new CommandException(2, inv.name() + ": 0: -c requires an argument");
                    }
                    script = args.get(++i);
                    break;
                }
            } else if (!arg.startsWith("-")) {
                file = arg;
                break;
            }
        }
        Session child = inv.session().child();
        child.setErrexit(errexit);
        if (script != null) {
            return inv.shell().run(script, inv.io(), child);
        }
        if (file != null) {
            String path = inv.path(file);
            if (!inv.fs().isFile(path)) {
                throw new CommandException(2, inv.name() + ": 0: cannot open " + file + ": No such file");
            }
            inv.requireReadable(path);
            return inv.shell().run(inv.fs().readString(path), inv.io(), child);
        }
        return inv.shell().run(new String(inv.readAllInput(), StandardCharsets.UTF_8), inv.io(), child);
    }

    private static int env(Invocation inv) throws Exception {
        List<String> args = inv.args();
        int i = 0;
        while (i < args.size() && (args.get(i).equals("-i") || args.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
            i++;
        }
        if (i >= args.size()) {
            for (var entry : inv.session().env().entrySet()) {
                inv.outLine(entry.getKey() + "=" + entry.getValue());
            }
            return 0;
        }
        return inv.run(args.subList(i, args.size()), inv.io(), inv.session());
    }

    private static int command(Invocation inv) throws Exception {
        List<String> args = inv.args();
        if (!args.isEmpty() && (args.get(0).equals("-v") || args.get(0).equals("-V"))) {
            int status = 0;
            for (String name : args.subList(1, args.size())) {
                Optional<String> path = find(inv, name);
                if (path.isPresent()) {
                    inv.outLine(args.get(0).equals("-v") ? path.get() : name + " is " + path.get());
                } else {
                    status = 127;
                }
            }
            return status;
        }
        return args.isEmpty() ? 0 : inv.run(args, inv.io(), inv.session());
    }

    private static int which(Invocation inv) throws Exception {
        int status = 0;
        for (String name : inv.args()) {
            Optional<String> path = find(inv, name).filter(p -> p.startsWith("/"));
            if (path.isPresent()) {
                inv.outLine(path.get());
            } else {
                status = 1;
            }
        }
        return status;
    }

    private static Optional<String> find(Invocation inv, String name) {
        if (name.contains("/")) {
            return inv.fs().isFile(inv.path(name)) ? Optional.of(name) : Optional.empty();
        }
        Optional<CommandTable.Resolved> resolved = inv.shell().commands().lookup(name, inv.machine());
        if (resolved.isPresent()) {
            return Optional.of(resolved.get().path());
        }
        return CommandTable.onPath(name, inv.machine());
    }

    private static int cd(Invocation inv) throws Exception {
        String target = inv.args().isEmpty() ? inv.session().env().getOrDefault("HOME", "/") : inv.args().get(0);
        String path = inv.path(target);
        if (!inv.fs().isDirectory(path)) {
            throw new CommandException(2, "sh: 1: cd: can't cd to " + target);
        }
        inv.session().setCwd(path);
        return 0;
    }

    private static int export(Invocation inv) {
        for (String arg : inv.args()) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                inv.session().env().put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        return 0;
    }

    private static int set(Invocation inv) {
        for (String arg : inv.args()) {
            if (arg.startsWith("-") && arg.contains("e")) {
                inv.session().setErrexit(true);
            } else if (arg.startsWith("+") && arg.contains("e")) {
                inv.session().setErrexit(false);
            }
        }
        return 0;
    }

    private static int sleep(Invocation inv) throws Exception {
        long millis = 0;
        for (String arg : inv.args()) {
            millis += Duration.parse(arg).orElseThrow(() -> inv.fail(1, "invalid time interval '" + arg + "'"));
        }
        Thread.sleep(millis);
        return 0;
    }

    /** {@code timeout DURATION COMMAND...}: 124 when the command did not finish in time. */
    private static int timeout(Invocation inv) throws Exception {
        List<String> args = new ArrayList<>(inv.args());
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            args.remove(0);
        }
        if (args.size() < 2) {
            throw inv.fail(125, "missing operand");
        }
        long millis = Duration.parse(args.get(0)).orElseThrow(() -> inv.fail(125, "invalid time interval '" + args.get(0) + "'"));
        FutureTask<Integer> task = new FutureTask<>(() -> inv.run(args.subList(1, args.size()), inv.io(), inv.session()));
        DaemonThreads.start("sim-timeout", task);
        try {
            return task.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return 124;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            task.cancel(true);
        }
    }

    /** sleep's and timeout's durations: {@code 5}, {@code 0.5}, {@code 2s}, {@code 1m}. */
    static final class Duration {
        private static final Set<Character> UNITS = Set.of('s', 'm', 'h');

        private Duration() {
        }

        static Optional<Long> parse(String text) {
            char unit = text.isEmpty() ? 's' : text.charAt(text.length() - 1);
            String number = UNITS.contains(unit) ? text.substring(0, text.length() - 1) : text;
            try {
                double value = Double.parseDouble(number);
                long factor = unit == 'm' ? 60_000 : unit == 'h' ? 3_600_000 : 1000;
                return value < 0 ? Optional.empty() : Optional.of((long) (value * factor));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
