package dev.mast.sim.shell;

import dev.mast.sim.machine.Faults;
import dev.mast.sim.machine.Machine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs command lines on a machine, as {@code /bin/sh -c} would: and-or lists, pipelines (each
 * command's output buffered for the next), redirections, {@code set -e}, the exit status of the
 * last command. Each simple command first meets the node's injected command failures.
 */
public final class Shell {
    private final Machine machine;
    private final CommandTable commands;

    public Shell(Machine machine, CommandTable commands) {
        this.machine = machine;
        this.commands = commands;
    }

    public Machine machine() {
        return machine;
    }

    public CommandTable commands() {
        return commands;
    }

    /** Parses and runs a command line; a syntax error prints dash's message and gives 2. */
    public int run(String commandLine, Io io, Session session) throws InterruptedException, IOException {
        Script script;
        try {
            script = ShellParser.parse(commandLine);
        } catch (ShellSyntaxException e) {
            io.err().write(("sh: 1: Syntax error: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            io.err().flush();
            return 2;
        }
        try {
            return execute(script, io, session);
        } catch (ExitException e) {
            return e.status();
        }
    }

    int execute(Script script, Io io, Session session) throws InterruptedException, IOException {
        int status = 0;
        for (Script.AndOr list : script.lists()) {
            status = andOr(list, io, session);
        }
        return status;
    }

    private int andOr(Script.AndOr list, Io io, Session session) throws InterruptedException, IOException {
        int status = 0;
        boolean lastRan = false;
        for (int i = 0; i < list.pipelines().size(); i++) {
            if (i > 0) {
                String op = list.ops().get(i - 1);
                if (op.equals("&&") && status != 0 || op.equals("||") && status == 0) {
                    lastRan = false;
                    continue;
                }
            }
            Script.Pipeline pipeline = list.pipelines().get(i);
            status = pipeline(pipeline, io, session);
            lastRan = i == list.pipelines().size() - 1 && !pipeline.negated();
        }
        if (status != 0 && lastRan && session.errexit()) {
            throw new ExitException(status);
        }
        return status;
    }

    private int pipeline(Script.Pipeline pipeline, Io io, Session session) throws InterruptedException, IOException {
        Io current = io;
        int status = 0;
        List<Script.SimpleCommand> commands = pipeline.commands();
        for (int i = 0; i < commands.size(); i++) {
            boolean last = i == commands.size() - 1;
            ByteArrayOutputStream buffer = last ? null : new ByteArrayOutputStream();
            status = simple(commands.get(i), last ? current : current.withOut(buffer), session);
            if (!last) {
                current = io.withIn(new ByteArrayInputStream(buffer.toByteArray()));
            }
        }
        return pipeline.negated() ? (status == 0 ? 1 : 0) : status;
    }

    private int simple(Script.SimpleCommand command, Io io, Session session) throws InterruptedException, IOException {
        List<String> argv = Expansion.words(command.words(), machine.fs(), session);
        Redirections redirections = new Redirections(machine.fs(), session);
        try {
            Io streams;
            try {
                streams = redirections.apply(command.redirects(), io);
            } catch (CommandException e) {
                io.err().write((e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                io.err().flush();
                return e.status();
            }
            if (argv.isEmpty()) {
                for (String assignment : command.assignments()) {
                    int eq = assignment.indexOf('=');
                    session.env().put(assignment.substring(0, eq), assignment.substring(eq + 1));
                }
                return 0;
            }
            return runCommand(argv, streams, session);
        } finally {
            redirections.close();
            machine.fs().changed();
        }
    }

    /** Runs one command (already expanded into words) with the given streams. */
    public int runCommand(List<String> argv, Io io, Session session) throws InterruptedException, IOException {
        Faults faults = machine.faults();
        Optional<Faults.CommandFailure> failure = faults.matchCommand(String.join(" ", argv));
        if (failure.isPresent()) {
            String message = failure.get().stderr();
            io.err().write((message.endsWith("\n") || message.isEmpty() ? message : message + "\n").getBytes(StandardCharsets.UTF_8));
            io.err().flush();
            return failure.get().exitStatus();
        }
        String name = argv.get(0);
        String program = name.contains("/") ? dev.mast.sim.machine.VirtualFs.normalize(session.cwd(), name)
                : commands.lookup(name, machine).map(CommandTable.Resolved::path).orElse(name);
        Optional<CommandTable.Entry> entry = name.contains("/")
                ? commands.byPath(program, machine)
                : commands.lookup(name, machine).map(CommandTable.Resolved::entry);
        if (entry.isPresent() && entry.get().gate() == CommandTable.Gate.FILE && !dev.mast.sim.machine.BinaryVersion.runsOn(machine, program)) {
            io.err().write(("sh: 1: " + program + ": Exec format error\n").getBytes(StandardCharsets.UTF_8));
            io.err().flush();
            return 126;
        }
        if (entry.isEmpty()) {
            Optional<String> script = name.contains("/") ? Optional.empty() : CommandTable.onPath(name, machine);
            if (script.isPresent()) {
                return runScriptFile(script.get(), argv, io, session);
            }
            return notFound(argv, io, session);
        }
        Invocation invocation = new Invocation(name.substring(name.lastIndexOf('/') + 1), program, argv.subList(1, argv.size()), io,
                session, this);
        try {
            return entry.get().builtin().run(invocation);
        } catch (CommandException e) {
            if (e.getMessage() != null && !e.getMessage().isEmpty()) {
                io.err().write((e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                io.err().flush();
            }
            return e.status();
        } catch (InterruptedException | ExitException e) {
            throw e;
        } catch (IOException e) {
            io.err().write((invocation.name() + ": " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            io.err().flush();
            return 1;
        } catch (Exception e) {
            throw new IllegalStateException("simulated command failed: " + String.join(" ", argv), e);
        }
    }

    /** A program that is not a builtin: a shell script file runs, anything else is not found. */
    private int notFound(List<String> argv, Io io, Session session) throws InterruptedException, IOException {
        String name = argv.get(0);
        if (name.contains("/")) {
            String path = dev.mast.sim.machine.VirtualFs.normalize(session.cwd(), name);
            if (machine.fs().isFile(path)) {
                if ((machine.fs().mode(path) & 0111) == 0) {
                    io.err().write(("sh: 1: " + name + ": Permission denied\n").getBytes(StandardCharsets.UTF_8));
                    return 126;
                }
                return runScriptFile(path, argv, io, session);
            }
        }
        io.err().write(("sh: 1: " + name + ": not found\n").getBytes(StandardCharsets.UTF_8));
        io.err().flush();
        return 127;
    }

    /** Runs a file as a shell script in a child shell (its arguments are not expanded by the simulator). */
    public int runScriptFile(String path, List<String> argv, Io io, Session session) throws InterruptedException, IOException {
        String text = machine.fs().readString(path);
        if (text.startsWith("#!") && !text.startsWith("#!/bin/sh") && !text.startsWith("#!/bin/bash")
                && !text.startsWith("#!/usr/bin/env bash") && !text.startsWith("#!/usr/bin/env sh")) {
            io.err().write(("sh: 1: " + argv.get(0) + ": cannot execute: only shell scripts run on a simulated node\n")
                    .getBytes(StandardCharsets.UTF_8));
            return 126;
        }
        return run(text, io, session.child());
    }

    /** Splits text into lines for commands that need them. */
    public static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
